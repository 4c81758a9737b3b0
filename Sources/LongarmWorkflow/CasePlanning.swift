public import LongarmCore
public import LongarmRules
public import LongarmStore

/// Plans every target of a case from its latest stored profile and stores the plans: shared by `plan`,
/// re-checks (a moved target is planned anew) and the service.
public struct CasePlanning: Sendable {
    /// What one planning run produced.
    public struct Outcome: Sendable {
        /// The stored plans, in target order.
        public var plans: [LongarmStore.StoredPlan]
        /// Targets skipped because they have no profile yet, with a sentence each.
        public var skipped: [String]
    }

    /// The planner over the loaded rules.
    public var planner: NoticePlanner

    /// Creates the step.
    public init(planner: NoticePlanner) {
        self.planner = planner
    }

    /// The planning context of `target` in `caseFile`; the overrides win over the case's own facts.
    public static func context(
        for target: Target,
        in caseFile: CaseFile,
        holderCountry: CountryCode? = nil,
        ownsWork: Bool? = nil
    ) -> PlanningContext {
        PlanningContext(
            kind: target.kind ?? caseFile.kind,
            holder: caseFile.holder,
            holderCountry: holderCountry ?? caseFile.holderCountry,
            ownsWork: ownsWork ?? caseFile.particulars.ownsWork
        )
    }

    /// The plan of `target` from `profile`, stored nowhere: re-checks store it with the follow-up that asked for it.
    public func plan(
        _ target: Target,
        in caseFile: CaseFile,
        profile: HostingProfile,
        holderCountry: CountryCode? = nil,
        ownsWork: Bool? = nil
    ) -> NoticePlan {
        planner.plan(
            profile,
            context: Self.context(for: target, in: caseFile, holderCountry: holderCountry, ownsWork: ownsWork)
        )
    }

    /// Plans `targets` (all of the case's when nil) and stores each plan with the profile it came from.
    public func planCase(
        _ caseFile: CaseFile,
        targets: [Target]? = nil,
        store: LongarmStore,
        holderCountry: CountryCode? = nil,
        ownsWork: Bool? = nil
    ) throws -> Outcome {
        guard let caseID = caseFile.id else { return Outcome(plans: [], skipped: []) }
        let profiles = try store.latestProfiles(caseID: caseID)
        var outcome = Outcome(plans: [], skipped: [])
        for target in try targets ?? store.targets(caseID: caseID) {
            guard let targetID = target.id, let stored = profiles[targetID] else {
                outcome.skipped.append(
                    "target \(target.id ?? 0) \(target.canonicalURL): no profile yet; resolve it first"
                )
                continue
            }
            let context = Self.context(for: target, in: caseFile, holderCountry: holderCountry, ownsWork: ownsWork)
            let plan = planner.plan(stored.profile, context: context)
            outcome.plans.append(try store.savePlan(plan, targetID: targetID, profileID: stored.id))
        }
        return outcome
    }
}
