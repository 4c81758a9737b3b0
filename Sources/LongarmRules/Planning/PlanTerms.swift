import LongarmCore

/// Everything a plan takes from the rules once its law is chosen: the content rungs' terms, what the holder
/// must still supply, the fast lanes and the rules' warnings.
///
/// It depends only on the law's country and source, the kind, whether the holder owns the work and whether the
/// holder lives in that country (`PlanningTable.Key`), so the planning table builds one per key and shares it.
final class PlanTerms: Sendable {
    /// The governing rule's regime code, if a rule was found.
    let regime: String?
    let siteOperator: RungTerms
    let originHost: RungTerms
    let cdn: RungTerms
    let missingFromHolder: [HolderRequirement]
    let fastLanes: [String]
    /// Warnings about the rules (no entry for the country, unknown ownership), after the law's own.
    let warnings: [String]

    /// Computes the terms for a law and a case straight from the rule book.
    init(law: GoverningLaw, context: PlanningContext, book: RuleBook) {
        let rules = ApplicableRules(country: law.country, context: context, book: book)
        regime = rules.rule?.regime.rawValue
        siteOperator = RungTerms(content: .siteOperator, law: law, rules: rules, book: book)
        originHost = RungTerms(content: .originHost, law: law, rules: rules, book: book)
        cdn = RungTerms(content: .cdn, law: law, rules: rules, book: book)
        missingFromHolder = Self.missingFromHolder(law: law, rules: rules, context: context, book: book)
        fastLanes = Self.fastLanes(rules.rule)
        warnings = rules.warnings
    }

    /// The terms of a rung about the content in `role`; `nil` for roles that do not address the content.
    func content(_ role: NoticeRung.Role) -> RungTerms? {
        switch role {
        case .siteOperator: siteOperator
        case .originHost: originHost
        case .cdn: cdn
        case .registrar, .registry, .upstream, .searchEngine: nil
        }
    }

    private static func missingFromHolder(
        law: GoverningLaw,
        rules: ApplicableRules,
        context: PlanningContext,
        book: RuleBook
    ) -> [HolderRequirement] {
        guard let country = law.country else { return [] }
        var result: [HolderRequirement] = []
        var seen = Set<NoticeElement>()
        for rule in [rules.rule, rules.copyrightRule].compactMap({ $0 }) {
            for element in rule.elements where !seen.contains(element) {
                guard let definition = book.elements[element.rawValue] else { continue }
                let needed: Bool
                switch definition.askHolder {
                case .never: needed = false
                case .always: needed = true
                case .nonResident: needed = context.holderCountry != country
                }
                guard needed else { continue }
                seen.insert(element)
                let name = rules.jurisdiction?.name ?? country.rawValue
                result.append(
                    HolderRequirement(
                        element: element,
                        jurisdiction: country.rawValue,
                        reason: "\(name), \(rule.kind.rawValue): " + (definition.holderNote ?? definition.description),
                        confidence: rule.confidence
                    )
                )
            }
        }
        return result
    }

    private static func fastLanes(_ rule: KindRule?) -> [String] {
        (rule?.fastLanes ?? []).map { lane in
            var text = "\(lane.name): \(lane.scope)"
            if let deadline = lane.deadline { text += "; within \(deadline.text)" }
            let citations = lane.legalBasis.map(\.citation).joined(separator: ", ")
            if !citations.isEmpty { text += " (\(citations))" }
            if lane.confidence == .uncertain { text += " [uncertain: verify]" }
            return text
        }
    }
}
