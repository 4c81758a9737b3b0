public import Foundation
import LongarmCore
public import LongarmRules
public import LongarmStore
import Synchronization

/// Measures `longarm plan CASE` at scale: a case of synthetic targets with stored profiles in an SQLite file,
/// then one timed ``CasePlanning`` run that reads the profiles, plans them and stores the plans with their
/// custody entries.
public struct PlanningBenchmark: Sendable {
    /// The result of one run.
    public struct Result: Sendable {
        /// Targets planned and plans stored.
        public var plans: Int
        /// Rungs in the stored plans.
        public var rungs: Int
        /// Custody entries written by the run.
        public var custodyEntries: Int
        /// Wall-clock seconds of the planning run.
        public var seconds: Double
        /// Processor seconds (user + system, every thread) of the planning run.
        public var cpuSeconds: Double
        /// Wall-clock seconds of the untimed set-up (storing targets and profiles).
        public var setupSeconds: Double
        /// Wall-clock seconds of each phase of the run.
        public var phases: (read: Double, prepare: Double, store: Double)
        /// What the stored plans take in the database.
        public var storage: LongarmStore.PlanStorage
        /// Bytes of the database file and its write-ahead log after the run.
        public var fileBytes: Int
    }

    let planner: NoticePlanner

    /// Creates a benchmark over a planner.
    public init(planner: NoticePlanner) {
        self.planner = planner
    }

    /// Stores `count` targets with synthetic profiles in a new database under `folder` (untimed), then plans the
    /// case on `workers` threads (timed).
    public func run(count: Int, workers: Int, folder: URL) throws -> Result {
        let clock = ContinuousClock()
        let setupStart = clock.now
        let store = try LongarmStore(path: folder.appendingPathComponent("bench.sqlite").path)
        let caseFile = try store.createCase(
            CaseFile(holder: "Bench Films Ltd.", kind: .copyright, holderCountry: CountryCode(lenient: "CN"))
        )
        let caseID = caseFile.id ?? 0
        let profiles = PlanBenchmark.profiles(count: count, book: planner.book)
        let inserted = try store.addTargets(
            profiles.enumerated().map { index, profile in
                Target(
                    caseID: caseID,
                    submittedURL: profile.url,
                    canonicalURL: profile.canonicalUrl,
                    host: profile.host,
                    registrableDomain: profile.registrableDomain,
                    kind: PlanBenchmark.context(index).kind
                )
            }
        )
        try store.saveProfiles(
            zip(inserted, profiles).compactMap { insertion, profile in
                guard case .added(let target) = insertion, let id = target.id else { return nil }
                return (profile, id)
            }
        )
        let custodyBefore = try store.custodyLog().count
        let setup = clock.now - setupStart

        let cpuStart = PlanBenchmark.processorSeconds()
        let start = clock.now
        // Counted as each batch is stored, as `plan CASE` prints them, so that no plan outlives its batch.
        let counted = Mutex((plans: 0, rungs: 0))
        let outcome = try CasePlanning(planner: planner, actor: "bench", workers: workers).planCase(
            caseFile,
            store: store
        ) { stored in
            let rungs = stored.reduce(0) { $0 + $1.plan.rungs.count }
            counted.withLock { $0 = ($0.plans + stored.count, $0.rungs + rungs) }
        }
        let elapsed = clock.now - start
        let cpu = PlanBenchmark.processorSeconds() - cpuStart
        return Result(
            plans: counted.withLock { $0.plans },
            rungs: counted.withLock { $0.rungs },
            custodyEntries: try store.custodyLog().count - custodyBefore,
            seconds: PlanBenchmark.seconds(elapsed),
            cpuSeconds: cpu,
            setupSeconds: PlanBenchmark.seconds(setup),
            phases: outcome.phases,
            storage: try store.planStorage(),
            fileBytes: ["", "-wal"].reduce(0) { total, suffix in
                let path = folder.appendingPathComponent("bench.sqlite" + suffix).path
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                return total + size
            }
        )
    }
}
