public import LongarmCore

/// Turns a hosting profile and a case into a notice plan: who to notify, in what order, under which law.
///
/// The law is chosen by the origin host's country and the kind of infringement; a CDN's or registrar's country
/// decides only how to reach that party. Planning is pure and never fails: what it cannot settle becomes a
/// warning in the plan.
public struct NoticePlanner: Sendable {
    /// The rules table and provider registry.
    public let book: RuleBook

    /// Creates a planner over a loaded rule book.
    public init(book: RuleBook) {
        self.book = book
    }

    /// Plans the notices for one URL.
    public func plan(_ profile: HostingProfile, context: PlanningContext) -> NoticePlan {
        let law = GoverningLaw(profile: profile, context: context, book: book)
        var builder = RungBuilder(book: book, profile: profile, context: context, law: law)
        if profile.registrableDomain != nil { builder.addSiteOperator() }
        builder.addOriginHost()
        builder.addCDN()
        builder.addRegistrar()
        builder.addRegistry()
        builder.addUpstream()
        builder.addSearchEngines()
        return NoticePlan(
            url: profile.canonicalUrl,
            kind: context.kind,
            lawCountry: law.country,
            lawSource: law.source,
            regime: law.rule?.regime.rawValue,
            rungs: builder.rungs,
            missingFromHolder: missingFromHolder(law: law, context: context),
            fastLanes: fastLanes(law: law),
            warnings: profile.warnings.isEmpty
                ? law.warnings : law.warnings + ["resolution: " + profile.warnings.joined(separator: "; ")],
            profileResolvedAt: profile.resolvedAt
        )
    }

    private func missingFromHolder(law: GoverningLaw, context: PlanningContext) -> [HolderRequirement] {
        guard let country = law.country else { return [] }
        var result: [HolderRequirement] = []
        var seen = Set<NoticeElement>()
        for rule in [law.rule, law.copyrightRule].compactMap({ $0 }) {
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
                let name = law.jurisdiction?.name ?? country.rawValue
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

    private func fastLanes(law: GoverningLaw) -> [String] {
        (law.rule?.fastLanes ?? []).map { lane in
            var text = "\(lane.name): \(lane.scope)"
            if let deadline = lane.deadline { text += "; within \(deadline.text)" }
            let citations = lane.legalBasis.map(\.citation).joined(separator: ", ")
            if !citations.isEmpty { text += " (\(citations))" }
            if lane.confidence == .uncertain { text += " [uncertain: verify]" }
            return text
        }
    }
}
