import LongarmCore
import LongarmStore
import LongarmWorkflow

/// The latest plan of every resolved target of a case, planning anew those whose latest profile has none.
struct CurrentPlans {
    /// The case's targets, in order.
    var targets: [Target]
    /// The plan of each planned target, by target id.
    var plans: [Int64: LongarmStore.StoredPlan]

    /// Loads the plans of `caseFile`, planning (and storing) those that are missing or older than the profile.
    init(caseFile: CaseFile, dependencies: ServiceDependencies, metrics: ServiceMetrics) throws {
        let store = dependencies.store
        let caseID = caseFile.id ?? 0
        targets = try store.targets(caseID: caseID)
        let profiles = try store.latestProfiles(caseID: caseID)
        plans = try store.latestPlans(caseID: caseID)
        let stale = targets.filter { target in
            guard let targetID = target.id, let profile = profiles[targetID] else { return false }
            return plans[targetID]?.profileID != profile.id
        }
        guard !stale.isEmpty else { return }
        let outcome = try CasePlanning(planner: dependencies.planner).planCase(caseFile, targets: stale, store: store)
        metrics.recordPlans(outcome.plans.count)
        for plan in outcome.plans { plans[plan.targetID] = plan }
    }
}
