import Dispatch
public import Foundation
public import LongarmCore
public import LongarmRules
public import LongarmStore
import Synchronization

/// Plans every target of a case from its latest stored profile and stores the plans: shared by `plan`,
/// re-checks (a moved target is planned anew) and the service.
///
/// Decoding the stored profiles, planning and encoding the plans run on every processor; the plans and their
/// custody entries are then stored in transactions of ``storeBatch`` plans.
public struct CasePlanning: Sendable {
    /// What one planning run produced.
    public struct Outcome: Sendable {
        /// The stored plans, in target order.
        public var plans: [LongarmStore.StoredPlan]
        /// Targets skipped because they have no profile yet (or an unreadable one), with a sentence each.
        public var skipped: [String]
        /// Wall-clock seconds of each phase: reading the profiles, decoding-planning-encoding, storing.
        public var phases: (read: Double, prepare: Double, store: Double) = (0, 0, 0)
    }

    /// The planner over the loaded rules.
    public var planner: NoticePlanner
    /// Who the custody entries name as acting.
    public var actor: String
    /// Threads to decode, plan and encode on.
    public var workers: Int

    /// Creates the step; `workers` defaults to the active processors.
    public init(planner: NoticePlanner, actor: String = "longarm", workers: Int? = nil) {
        self.planner = planner
        self.actor = actor
        self.workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
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
        ownsWork: Bool? = nil,
        now: Date = Date()
    ) throws -> Outcome {
        guard let caseID = caseFile.id else { return Outcome(plans: [], skipped: []) }
        let clock = ContinuousClock()
        let start = clock.now
        let documents = try store.latestProfileDocuments(caseID: caseID)
        var jobs: [Job] = []
        var skipped: [String] = []
        for target in try targets ?? store.targets(caseID: caseID) {
            guard let targetID = target.id, let document = documents[targetID] else {
                skipped.append("target \(target.id ?? 0) \(target.canonicalURL): no profile yet; resolve it first")
                continue
            }
            let context = Self.context(for: target, in: caseFile, holderCountry: holderCountry, ownsWork: ownsWork)
            jobs.append(
                Job(
                    target: target,
                    targetID: targetID,
                    profileID: document.profileID,
                    json: document.json,
                    context: context
                )
            )
        }
        let read = clock.now
        let results = prepare(jobs)
        let prepared = clock.now
        var ready: [LongarmStore.PreparedPlan] = []
        ready.reserveCapacity(results.count)
        for (job, result) in zip(jobs, results) {
            switch result {
            case .success(let plan): ready.append(plan)
            case .failure(let error):
                skipped.append(
                    "target \(job.targetID) \(job.target.canonicalURL): profile \(job.profileID) cannot be read "
                        + "(\(error)); resolve it again"
                )
            }
        }
        // Stored in transactions of `storeBatch` plans: one giant transaction outgrows SQLite's page cache and
        // rewrites spilled pages into the WAL again and again (storing 100,000 plans took 17 times as long as
        // 20,000); a plan and its custody entry still always commit together.
        var plans: [LongarmStore.StoredPlan] = []
        plans.reserveCapacity(ready.count)
        for start in stride(from: 0, to: ready.count, by: Self.storeBatch) {
            let batch = ready[start..<min(start + Self.storeBatch, ready.count)]
            plans += try store.savePlans(Array(batch), createdAt: now, actor: actor)
        }
        let seconds = { (duration: Duration) in
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        var outcome = Outcome(plans: plans, skipped: skipped)
        outcome.phases = (seconds(read - start), seconds(prepared - read), seconds(clock.now - prepared))
        return outcome
    }

    /// Plans stored per transaction.
    public static let storeBatch = 2_000

    /// One target to plan, with its stored profile document.
    struct Job: Sendable {
        var target: Target
        var targetID: Int64
        var profileID: Int64
        var json: Data
        var context: PlanningContext
    }

    /// Decodes, plans and encodes every job, on `workers` threads; the results keep the jobs' order.
    func prepare(_ jobs: [Job]) -> [Result<LongarmStore.PreparedPlan, any Error>] {
        let parts = min(workers, max(1, jobs.count / 64))
        let size = (jobs.count + parts - 1) / max(parts, 1)
        let slots = Mutex([[Result<LongarmStore.PreparedPlan, any Error>]](repeating: [], count: parts))
        // Synchronous CPU work: one thread per part rather than tasks on the cooperative pool.
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let slice = jobs[min(part * size, jobs.count)..<min((part + 1) * size, jobs.count)]
            var out: [Result<LongarmStore.PreparedPlan, any Error>] = []
            out.reserveCapacity(slice.count)
            for job in slice {
                out.append(
                    Result {
                        let profile = try LongarmStore.decodeProfile(job.json)
                        let plan = planner.plan(profile, context: job.context)
                        return try LongarmStore.PreparedPlan(plan, targetID: job.targetID, profileID: job.profileID)
                    }
                )
            }
            slots.withLock { $0[part] = out }
        }
        return slots.withLock { $0.flatMap { $0 } }
    }
}
