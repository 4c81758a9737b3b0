import Dispatch
public import Foundation
public import LongarmCore
public import LongarmRules
public import LongarmStore
import Synchronization

/// Plans every target of a case from its latest stored profile and stores the plans: shared by `plan`,
/// re-checks (a moved target is planned anew) and the service.
///
/// Decoding the stored profiles, planning and encoding the plans run on every processor, a batch of
/// ``storeBatch`` targets at a time; the next batch's profiles are read on a reader queue and each batch's plans
/// and custody entries are stored in one transaction on a writer queue while the next batch is prepared.
public struct CasePlanning: Sendable {
    /// What one planning run produced.
    public struct Outcome: Sendable {
        /// The stored plans, in target order; empty when a handler took them batch by batch.
        public var plans: [LongarmStore.StoredPlan]
        /// Plans stored, whether kept in ``plans`` or handed over.
        public var stored = 0
        /// Targets skipped because they have no profile yet (or an unreadable one), with a sentence each.
        public var skipped: [String]
        /// Seconds of each phase: reading the profiles (the reader's busy time), decoding-planning-encoding (wall,
        /// summed over the batches) and storing (the writer's busy time); the three overlap.
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
    ///
    /// With `handle`, each batch of stored plans is handed over as soon as its transaction commits, in target
    /// order, on one queue, and none is kept: a case of 100,000 targets is printed as it is stored without holding
    /// every plan in memory. Without it, the outcome keeps every stored plan. An error thrown by `handle` stops
    /// the run like a store error; the batches already committed stay stored.
    public func planCase(
        _ caseFile: CaseFile,
        targets: [Target]? = nil,
        store: LongarmStore,
        holderCountry: CountryCode? = nil,
        ownsWork: Bool? = nil,
        now: Date = Date(),
        handle: (@Sendable ([LongarmStore.StoredPlan]) throws -> Void)? = nil
    ) throws -> Outcome {
        guard let caseID = caseFile.id else { return Outcome(plans: [], skipped: []) }
        let clock = ContinuousClock()
        let chosen = try targets ?? store.targets(caseID: caseID)
        // A pipeline of three stages, a batch of ``storeBatch`` targets at a time: the next batch's profiles are
        // read (on a reader queue) and the previous batch is stored (on a writer queue, in order) while this one
        // is decoded, planned and encoded on every processor. Each batch is one transaction, so a plan and its
        // custody entry always commit together; one giant transaction outgrew SQLite's page cache.
        let batches = stride(from: 0, to: chosen.count, by: Self.storeBatch).map {
            Array(chosen[$0..<min($0 + Self.storeBatch, chosen.count)])
        }
        let reader = DispatchQueue(label: "longarm.plan-reader")
        let writer = DispatchQueue(label: "longarm.plan-writer")
        let written = WriterState()
        if handle == nil { written.state.withLock { $0.plans.reserveCapacity(chosen.count) } }
        let caches = Mutex([PlanFragmentCache]())
        var skipped: [String] = []
        var prepareSeconds = 0.0
        let readTime = ReadTime()
        var next = batches.first.map { read($0, store: store, on: reader, time: readTime) }
        for (index, batch) in batches.enumerated() {
            guard let pending = next else { break }
            let documents = try pending.value()
            next = index + 1 < batches.count ? read(batches[index + 1], store: store, on: reader, time: readTime) : nil
            if written.state.withLock({ $0.error != nil }) { break }
            var jobs: [Job] = []
            jobs.reserveCapacity(batch.count)
            for target in batch {
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
            let batchStart = clock.now
            // A writer with three batches waiting gets a processor to itself: this batch is prepared on one thread
            // fewer. Otherwise the writer, sharing the processors with every worker, falls further behind on each
            // batch and finishes alone long after the last batch is prepared. (Narrowing as soon as two batches
            // waited left a processor idle whenever the writer waited on the disk; measured slower.)
            let behind = written.state.withLock { $0.pending } > 2
            let prepared = prepare(jobs, caches: caches, threads: behind ? workers - 1 : workers)
            prepareSeconds += (clock.now - batchStart).seconds
            for failure in prepared.failures {
                let job = jobs[failure.job]
                skipped.append(
                    "target \(job.targetID) \(job.target.canonicalURL): profile \(job.profileID) cannot be read "
                        + "(\(failure.error)); resolve it again"
                )
            }
            let ready = prepared.parts
            written.state.withLock { $0.pending += 1 }
            writer.async { [actor, ready] in
                defer { written.state.withLock { $0.pending -= 1 } }
                guard written.state.withLock({ $0.error == nil }) else { return }
                let storeStart = clock.now
                do {
                    let stored = try store.savePlans(inParts: ready, createdAt: now, actor: actor)
                    written.state.withLock {
                        if handle == nil { $0.plans += stored }
                        $0.count += stored.count
                        $0.seconds += (clock.now - storeStart).seconds
                    }
                    try handle?(stored)
                } catch {
                    written.state.withLock { $0.error = error }
                }
            }
        }
        // A read started for a batch that was never planned (the writer failed) is left to finish on its own.
        writer.sync {}
        let result = written.state.withLock { $0 }
        if let error = result.error { throw error }
        var outcome = Outcome(plans: result.plans, skipped: skipped)
        outcome.stored = result.count
        outcome.phases = (reader.sync { readTime.seconds.withLock { $0 } }, prepareSeconds, result.seconds)
        return outcome
    }

    /// Starts reading the latest profile documents of `batch` on `queue`, adding the time taken to `time`.
    private func read(_ batch: [Target], store: LongarmStore, on queue: DispatchQueue, time: ReadTime) -> PendingRead {
        let pending = PendingRead()
        queue.async {
            let clock = ContinuousClock()
            let start = clock.now
            pending.finish(Result { try store.latestProfileDocuments(targetIDs: batch.compactMap(\.id)) })
            time.seconds.withLock { $0 += (clock.now - start).seconds }
        }
        return pending
    }

    /// The profile documents of one batch, being read on the reader queue.
    private final class PendingRead: Sendable {
        typealias Documents = [Int64: (profileID: Int64, json: Data)]
        private let done = DispatchSemaphore(value: 0)
        private let result = Mutex<Result<Documents, any Error>?>(nil)

        func finish(_ value: Result<Documents, any Error>) {
            result.withLock { $0 = value }
            done.signal()
        }

        /// Waits for the read and returns its documents or throws its error.
        func value() throws -> Documents {
            done.wait()
            return try result.withLock { $0! }.get()
        }
    }

    /// The reader queue's busy time.
    private final class ReadTime: Sendable {
        let seconds = Mutex(0.0)
    }

    /// What the writer queue has stored so far.
    private final class WriterState: Sendable {
        struct Written: Sendable {
            var plans: [LongarmStore.StoredPlan] = []
            var count = 0
            /// Batches handed to the writer and not yet stored.
            var pending = 0
            var seconds = 0.0
            var error: (any Error)?
        }
        let state = Mutex(Written())
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

    /// What preparing a batch produced: the prepared plans in job order, kept in the parts the threads prepared
    /// them in (joining them would copy every plan), and the jobs that failed.
    struct PreparedBatch {
        var parts: [[LongarmStore.PreparedPlan]]
        /// Failed jobs by their index in the batch, in order.
        var failures: [(job: Int, error: any Error)]

        /// Every prepared plan, in job order.
        var plans: [LongarmStore.PreparedPlan] { parts.flatMap { $0 } }
    }

    /// Decodes, plans and encodes every job with fresh fragment caches.
    func prepare(_ jobs: [Job]) -> PreparedBatch {
        prepare(jobs, caches: Mutex([]))
    }

    /// Decodes, plans and encodes every job on `threads` threads (``workers`` when nil), this one among them; the
    /// plans keep the jobs' order. The jobs are cut into several chunks a thread and each thread takes the next
    /// chunk when done with one, so that a thread slowed by the reader or the writer does not leave the others
    /// waiting at the end of the batch. Each thread borrows a fragment cache from the pool in `caches` (kept across
    /// batches) and gives it back.
    func prepare(
        _ jobs: [Job],
        caches: borrowing Mutex<[PlanFragmentCache]>,
        threads: Int? = nil
    ) -> PreparedBatch {
        let parts = max(1, min(workers * 8, jobs.count / 64))
        let size = (jobs.count + parts - 1) / parts
        let slots = Mutex(
            [(plans: [LongarmStore.PreparedPlan], failures: [(job: Int, error: any Error)])](
                repeating: ([], []),
                count: parts
            )
        )
        let taken = Atomic(0)
        // Synchronous CPU work: threads of Dispatch's pool rather than tasks on the cooperative pool.
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads ?? workers, parts))) { _ in
            var fragments = caches.withLock { $0.popLast() } ?? PlanFragmentCache()
            defer { caches.withLock { $0.append(fragments) } }
            while true {
                let part = taken.wrappingAdd(1, ordering: .relaxed).oldValue
                guard part < parts else { return }
                let range = min(part * size, jobs.count)..<min((part + 1) * size, jobs.count)
                var plans: [LongarmStore.PreparedPlan] = []
                var failures: [(job: Int, error: any Error)] = []
                plans.reserveCapacity(range.count)
                for index in range {
                    do {
                        plans.append(try prepare(jobs[index], fragments: &fragments))
                    } catch {
                        failures.append((index, error))
                    }
                }
                slots.withLock { $0[part] = (plans, failures) }
            }
        }
        let done = slots.withLock { $0 }
        return PreparedBatch(parts: done.map(\.plans), failures: done.flatMap(\.failures))
    }

    /// Decodes, plans and encodes one job.
    private func prepare(_ job: Job, fragments: inout PlanFragmentCache) throws -> LongarmStore.PreparedPlan {
        let profile = try LongarmStore.decodeProfile(job.json)
        let plan = planner.plan(profile, context: job.context)
        return LongarmStore.PreparedPlan(
            plan,
            targetID: job.targetID,
            profileID: job.profileID,
            profile: profile,
            cache: &fragments
        )
    }
}
