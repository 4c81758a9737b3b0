import LongarmCore

/// What a rung cites, asks for and says because of the law and its role, whoever the party is.
///
/// The planning table computes these once per rule and role; every plan under the same rule then carries the
/// same stored arrays and strings, which also makes comparing rungs with cached ones cheap.
struct RungTerms: Sendable {
    /// The regime code, for rungs about the content.
    var regime: String?
    var legalBasis: [LegalBasis]
    var requiredElements: [NoticeElement]
    var deadline: NoticeDeadline?
    var escalation: String
    /// Sentences that follow the rung's own rationale.
    var notes: [String]
    /// The rule's languages with `en`; `nil` when the party's country decides them.
    var languages: [String]?

    /// The roles whose rungs address the content itself and so cite the content's law.
    static func addressesContent(_ role: NoticeRung.Role) -> Bool {
        switch role {
        case .siteOperator, .originHost, .cdn: true
        case .registrar, .registry, .upstream, .searchEngine: false
        }
    }

    /// The terms of a rung about the content (site operator, origin host, CDN) under the chosen law.
    init(content role: NoticeRung.Role, law: GoverningLaw, rules: ApplicableRules, book: RuleBook) {
        let roleRule = book.roles[role]
        var bases: [LegalBasis] = []
        var elements: [NoticeElement] = []
        var notes: [String] = []
        if let rule = rules.rule {
            bases = rule.legalBasis
            elements = rule.elements
            notes.append(Self.lawSentence(rule, law: law))
            if let copyright = rules.copyrightRule {
                bases += copyright.legalBasis.filter { basis in !bases.contains { $0.citation == basis.citation } }
                elements += copyright.elements.filter { !elements.contains($0) }
                notes.append("the holder owns the source work, so the copyright rule is cited as well")
            }
        } else {
            bases = roleRule?.legalBasis ?? []
            elements = roleRule?.elements ?? []
            notes.append("no rule governs this content here; the notice relies on the provider's terms")
        }
        if role == .siteOperator || role == .originHost, rules.jurisdiction?.euMember != true, let eu = book.eu {
            bases += eu.extraterritorial.filter { basis in !bases.contains { $0.citation == basis.citation } }
            if !eu.extraterritorial.isEmpty {
                notes.append(
                    "if the service is offered in the EU, the DSA's notice rules apply wherever the provider sits"
                )
            }
        }
        if let rule = rules.rule, rule.confidence == .uncertain || rule.deadline?.confidence == .uncertain {
            notes.append("parts of this rule are marked uncertain in the rules table: verify before relying on them")
        }
        regime = rules.rule?.regime.rawValue ?? Regime.termsOfService.rawValue
        legalBasis = bases
        requiredElements = elements
        deadline = rules.rule?.deadline
        escalation = roleRule?.escalation ?? Self.defaultEscalation
        self.notes = notes
        if let rule = rules.rule, !rule.languages.isEmpty {
            languages = rule.languages.contains("en") ? rule.languages : rule.languages + ["en"]
        } else {
            languages = nil
        }
    }

    /// The terms of a rung that does not address the content (registrar, registry, upstream, search engine):
    /// its role's defaults, with the role's note as its rationale.
    init(role: NoticeRung.Role, book: RuleBook) {
        let roleRule = book.roles[role]
        regime = nil
        legalBasis = roleRule?.legalBasis ?? []
        requiredElements = roleRule?.elements ?? []
        deadline = nil
        escalation = roleRule?.escalation ?? Self.defaultEscalation
        notes = [roleRule?.note ?? Self.defaultNote(role)]
        languages = nil
    }

    static let defaultEscalation = "escalate when there is no answer"

    private static func defaultNote(_ role: NoticeRung.Role) -> String {
        switch role {
        case .registrar: "registrars act mainly on DNS abuse"
        case .registry: "registries act mostly on court orders"
        case .upstream: "upstream pressure works on hosts that ignore notices"
        case .searchEngine: "delisting hides the URL from search, not from the web"
        // Not reached: these roles always take `init(content:law:rules:book:)`.
        case .siteOperator, .originHost, .cdn: "this party can act on the content"
        }
    }

    private static func lawSentence(_ rule: KindRule, law: GoverningLaw) -> String {
        let code = law.country?.rawValue ?? "?"
        let why: String
        switch law.source {
        case .originHost: why = "the origin host's country"
        case .registrant: why = "the registrant's country, as no hosting country is known"
        case .registrar: why = "the registrar's country, as nothing better is known"
        case .none: why = "no country"
        }
        return "law of \(code) (chosen by \(why)): \(rule.regime.rawValue), rule confidence \(rule.confidence.rawValue)"
    }
}
