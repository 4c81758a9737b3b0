public import Foundation
public import LongarmCore

/// The loaded, validated rules table and provider registry.
public struct RuleBook: Sendable {
    /// The notice-element vocabulary, keyed by id.
    public let elements: [String: ElementDefinition]
    /// Every jurisdiction, keyed by code, including `EU`.
    public let jurisdictions: [String: Jurisdiction]
    /// Ladder defaults per role.
    public let roles: [NoticeRung.Role: RoleRule]
    /// Every provider, sorted by id.
    public let providers: [Provider]
    let index: ProviderIndex
    /// Every jurisdiction's effective rule per kind (EU members already merged), computed once.
    private let effective: [String: [InfringementKind: KindRule]]

    init(
        elements: [String: ElementDefinition],
        jurisdictions: [String: Jurisdiction],
        roles: [NoticeRung.Role: RoleRule],
        providers: [Provider]
    ) {
        self.elements = elements
        self.jurisdictions = jurisdictions
        self.roles = roles
        self.providers = providers.sorted { $0.id < $1.id }
        self.index = ProviderIndex(providers: self.providers)
        var effective: [String: [InfringementKind: KindRule]] = [:]
        for (code, jurisdiction) in jurisdictions {
            for kind in InfringementKind.allCases {
                let own = jurisdiction.rules[kind.rawValue]
                if jurisdiction.euMember, let base = jurisdictions["EU"]?.rules[kind.rawValue] {
                    effective[code, default: [:]][kind] = Self.merge(base: base, override: own, member: jurisdiction)
                } else if let own {
                    effective[code, default: [:]][kind] = own
                }
            }
        }
        self.effective = effective
    }

    /// Loads and validates `directory` (holding `jurisdictions/` and `providers/`); throws every problem at once.
    public static func load(from directory: URL) throws(RulesError) -> RuleBook {
        let (book, issues) = RuleBookLoader(directory: directory).load()
        guard issues.isEmpty, let book else { throw RulesError(.invalidData, issues: issues) }
        return book
    }

    /// The EU layer, if loaded.
    public var eu: Jurisdiction? { jurisdictions["EU"] }

    /// The rule that applies in `code` to `kind`; for an EU member, its overrides merged over the EU layer.
    public func rule(for code: String, kind: InfringementKind) -> KindRule? {
        effective[code]?[kind]
    }

    /// The provider with this id, or whose name or ASN matches `query` (`Hetzner`, `24940`, `AS24940`).
    public func provider(matching query: String) -> Provider? {
        let text = query.trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        if let provider = providers.first(where: { $0.id == lowered }) { return provider }
        let digits = lowered.hasPrefix("as") ? String(lowered.dropFirst(2)) : lowered
        if let asn = Int(digits), let provider = index.provider(asn: asn) { return provider }
        return providers.first { provider in
            provider.name.lowercased() == lowered || provider.recognition.names.contains { $0.lowercased() == lowered }
        }
    }

    static func merge(base: KindRule, override: KindRule?, member: Jurisdiction) -> KindRule {
        var rule = base
        var provenance = base.provenance.mapValues { _ in "EU" }
        let code = member.code
        if let override {
            let set = override.provenance
            if set["regime"] != nil {
                rule.regime = override.regime
                provenance["regime"] = code
            }
            if set["legalBasis"] != nil {
                rule.legalBasis = override.legalBasis + base.legalBasis
                provenance["legalBasis"] = "\(code)+EU"
            }
            if set["elements"] != nil {
                rule.elements = base.elements + override.elements.filter { !base.elements.contains($0) }
                provenance["elements"] = "EU+\(code)"
            }
            if set["deadline"] != nil {
                rule.deadline = override.deadline
                provenance["deadline"] = code
            }
            if set["counterNotice"] != nil {
                rule.counterNotice = override.counterNotice
                provenance["counterNotice"] = code
            }
            if set["falseNotice"] != nil {
                rule.falseNotice = override.falseNotice
                provenance["falseNotice"] = code
            }
            if set["fastLanes"] != nil {
                rule.fastLanes = override.fastLanes + base.fastLanes
                provenance["fastLanes"] = "\(code)+EU"
            }
            if set["languages"] != nil {
                rule.languages = override.languages
                provenance["languages"] = code
            }
            if set["confidence"] != nil {
                rule.confidence = override.confidence
                provenance["confidence"] = code
            }
            if set["sources"] != nil {
                rule.sources = override.sources + base.sources
                provenance["sources"] = "\(code)+EU"
            }
            if set["notes"] != nil {
                rule.notes = [override.notes, base.notes].compactMap { $0 }.joined(separator: " ")
                provenance["notes"] = base.notes == nil ? code : "\(code)+EU"
            }
        }
        if rule.languages.isEmpty {
            rule.languages = member.letter.languages
            provenance["languages"] = code
        }
        rule.provenance = provenance
        return rule
    }
}
