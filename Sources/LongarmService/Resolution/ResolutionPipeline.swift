import Logging
import LongarmCore
import LongarmRules
import LongarmStore
import LongarmWorkflow

/// Resolves targets, stores their profiles and plans them: the steps the worker and `"resolve": "wait"` share.
struct ResolutionPipeline: Sendable {
    let dependencies: ServiceDependencies
    let queue: ResolutionQueue
    let metrics: ServiceMetrics

    /// Resolves and plans those of `targets` that nobody else in the process is resolving.
    ///
    /// - Returns: how many targets this call resolved.
    /// - Throws: when no resolver can be made or the store fails; targets left without a profile stay queued.
    @discardableResult
    func run(_ targets: [Target]) async throws -> Int {
        let claimed = Set(queue.claim(targets.compactMap(\.id)))
        guard !claimed.isEmpty else { return 0 }
        defer { queue.release(Array(claimed)) }
        let mine = targets.filter { claimed.contains($0.id ?? -1) }
        let store = dependencies.store
        do {
            let resolver = try dependencies.makeResolver()
            try await TargetResolution.resolveAndStore(
                mine,
                resolver: resolver,
                store: store,
                actor: dependencies.custodyActor
            )
        } catch {
            metrics.recordResolutions(mine.count, outcome: "failed")
            throw error
        }
        metrics.recordResolutions(mine.count, outcome: "resolved")
        let planning = CasePlanning(planner: dependencies.planner)
        for (caseID, group) in Dictionary(grouping: mine, by: \.caseID).sorted(by: { $0.key < $1.key }) {
            guard let caseFile = try store.caseFile(id: caseID) else { continue }
            let outcome = try planning.planCase(caseFile, targets: group, store: store)
            metrics.recordPlans(outcome.plans.count)
            dependencies.logger.debug(
                "planned targets",
                metadata: ["case.id": "\(caseID)", "plan.count": "\(outcome.plans.count)"]
            )
        }
        return mine.count
    }
}
