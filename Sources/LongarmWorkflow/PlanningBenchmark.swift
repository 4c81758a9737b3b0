public import Foundation
import LongarmCore
public import LongarmRules
public import LongarmStore
import Synchronization

/// Measures `longarm plan CASE` at scale: a case of synthetic targets with stored profiles in an SQLite file,
/// then timed ``CasePlanning`` runs that each read the profiles, plan them and store the plans with their
/// custody entries, each on a fresh copy of the set-up database.
public struct PlanningBenchmark: Sendable {
    /// The figures of one timed run.
    public struct Run: Sendable {
        /// Wall-clock seconds of the planning run.
        public var seconds: Double
        /// Processor seconds (user + system, every thread) of the planning run.
        public var cpuSeconds: Double
        /// Wall-clock seconds of each phase of the run.
        public var phases: (read: Double, prepare: Double, store: Double)
    }

    /// The result of the benchmark.
    public struct Result: Sendable {
        /// Targets planned and plans stored (in the last run).
        public var plans: Int
        /// Rungs in the stored plans (in the last run).
        public var rungs: Int
        /// Custody entries written by the last run.
        public var custodyEntries: Int
        /// Every timed run, in order.
        public var runs: [Run]
        /// Wall-clock seconds of the untimed set-up (storing targets and profiles).
        public var setupSeconds: Double
        /// What the stored plans take in the database after the last run.
        public var storage: LongarmStore.PlanStorage
        /// Bytes of the database file and its write-ahead log after the last run.
        public var fileBytes: Int

        /// The run of median wall-clock time (the later of the two middle ones for an even count).
        public var median: Run {
            runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
        }
    }

    let planner: NoticePlanner

    /// Creates a benchmark over a planner.
    public init(planner: NoticePlanner) {
        self.planner = planner
    }

    /// Stores `count` targets with synthetic profiles in a new database under `folder` (untimed), then plans the
    /// case `runs` times on `workers` threads (timed), each time on a fresh copy of that database, so that one
    /// invocation gives the spread of several runs on a machine whose speed varies from minute to minute.
    public func run(count: Int, workers: Int, folder: URL, runs: Int = 1) throws -> Result {
        let clock = ContinuousClock()
        let setupStart = clock.now
        let setupPath = folder.appendingPathComponent("setup.sqlite").path
        let setupStore = try LongarmStore(path: setupPath)
        let caseFile = try Self.storeCase(count: count, in: setupStore, book: planner.book)
        let custodyBefore = try setupStore.custodyLog().count
        // Everything into the database file, so that a copy of that one file is the whole store.
        try setupStore.checkpoint()
        let setup = clock.now - setupStart

        let runPath = folder.appendingPathComponent("bench.sqlite").path
        var figures: [Run] = []
        for _ in 1..<max(runs, 1) {
            figures.append(try timedRun(caseFile, copying: setupPath, to: runPath, workers: workers).run)
        }
        let last = try timedRun(caseFile, copying: setupPath, to: runPath, workers: workers)
        figures.append(last.run)
        return Result(
            plans: last.plans,
            rungs: last.rungs,
            custodyEntries: try last.store.custodyLog().count - custodyBefore,
            runs: figures,
            setupSeconds: PlanBenchmark.seconds(setup),
            storage: try last.store.planStorage(),
            fileBytes: ["", "-wal"].reduce(0) { total, suffix in
                let size = try? FileManager.default.attributesOfItem(atPath: runPath + suffix)[.size] as? Int
                return total + (size ?? 0)
            }
        )
    }

    /// Copies the set-up database to `runPath` (untimed) and plans the case there (timed).
    private func timedRun(
        _ caseFile: CaseFile,
        copying setupPath: String,
        to runPath: String,
        workers: Int
    ) throws -> (run: Run, plans: Int, rungs: Int, store: LongarmStore) {
        try Self.removeDatabase(at: runPath)
        try FileManager.default.copyItem(atPath: setupPath, toPath: runPath)
        let store = try LongarmStore(path: runPath)
        let clock = ContinuousClock()
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
        let run = Run(
            seconds: PlanBenchmark.seconds(elapsed),
            cpuSeconds: PlanBenchmark.processorSeconds() - cpuStart,
            phases: outcome.phases
        )
        let total = counted.withLock { $0 }
        return (run, total.plans, total.rungs, store)
    }

    /// Stores a case of `count` synthetic targets with their profiles in `store`.
    private static func storeCase(count: Int, in store: LongarmStore, book: RuleBook) throws -> CaseFile {
        let caseFile = try store.createCase(
            CaseFile(holder: "Bench Films Ltd.", kind: .copyright, holderCountry: CountryCode(lenient: "CN"))
        )
        let caseID = caseFile.id ?? 0
        let profiles = PlanBenchmark.profiles(count: count, book: book)
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
        return caseFile
    }

    /// Removes a database file with its write-ahead log and shared-memory index, if they exist.
    private static func removeDatabase(at path: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
