public import LongarmCore

/// Turns a hosting profile and a case into a notice plan: who to notify, in what order, under which law.
///
/// The law is chosen by the origin host's country and the kind of infringement; a CDN's or registrar's country
/// decides only how to reach that party. Planning is pure and never fails: what it cannot settle becomes a
/// warning in the plan. What depends only on the rules is computed once, when the planner is created
/// (`PlanningTable`).
public struct NoticePlanner: Sendable {
    /// The rules table and provider registry.
    public let book: RuleBook
    let table: PlanningTable

    /// Creates a planner over a loaded rule book.
    public init(book: RuleBook) {
        self.init(book: book, precomputed: true)
    }

    /// Creates a planner that, with `precomputed` false, computes the rules' part of every plan on the spot
    /// instead of taking it from its table: the reference the table is tested against.
    package init(book: RuleBook, precomputed: Bool) {
        self.book = book
        table = PlanningTable(book: book, precomputed: precomputed)
    }

    /// Plans the notices for one URL.
    public func plan(_ profile: HostingProfile, context: PlanningContext) -> NoticePlan {
        let law = GoverningLaw(profile: profile)
        let terms = table.terms(law: law, context: context)
        var builder = RungBuilder(
            index: book.index,
            table: table,
            context: context,
            law: law,
            terms: terms
        )
        if profile.registrableDomain != nil { builder.addSiteOperator(profile) }
        builder.addOriginHost(profile)
        builder.addCDN(profile)
        builder.addRegistrar(profile)
        builder.addRegistry(profile)
        builder.addUpstream(profile)
        builder.addSearchEngines()
        var warnings = law.warnings.isEmpty ? terms.warnings : law.warnings + terms.warnings
        if !profile.warnings.isEmpty {
            warnings.append("resolution: " + profile.warnings.joined(separator: "; "))
        }
        return NoticePlan(
            url: profile.canonicalUrl,
            kind: context.kind,
            lawCountry: law.country,
            lawSource: law.source,
            regime: terms.regime,
            rungs: builder.rungs,
            missingFromHolder: terms.missingFromHolder,
            fastLanes: terms.fastLanes,
            warnings: warnings,
            profileResolvedAt: profile.resolvedAt
        )
    }
}
