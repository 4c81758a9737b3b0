import Foundation
import LongarmCore
import LongarmStore
import LongarmTestSupport
import LongarmWatch

/// A store with a case and targets, and a runner over a scripted HTTP fake and a manual clock.
struct WatchFixtures {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    let store: LongarmStore
    let http = ScriptedHTTP()
    let clock = ManualWatchClock(WatchFixtures.start)
    let caseFile: CaseFile
    var targets: [Target]

    init(urls: [String]) throws {
        store = try LongarmStore.inMemory()
        let caseFile = try store.createCase(CaseFile(holder: "Li Wei", kind: .portrait, createdAt: Self.start))
        self.caseFile = caseFile
        let made = urls.map { url in
            let host = URL(string: url)?.host ?? "example.test"
            return Target(
                caseID: caseFile.id ?? 0,
                submittedURL: url,
                canonicalURL: url,
                host: host,
                registrableDomain: host,
                createdAt: Self.start.addingTimeInterval(-60)
            )
        }
        targets = try store.addTargets(made).compactMap { insertion in
            if case .added(let target) = insertion { return target }
            return nil
        }
    }

    func runner(
        confirmations: Int = 3,
        spacing: Duration = .seconds(6 * 3600),
        politeness: PolitenessPolicy = PolitenessPolicy(concurrency: 4, rate: 0),
        concurrency: Int = 16
    ) -> RecheckRunner {
        RecheckRunner(
            store: store,
            http: http,
            configuration: RecheckConfiguration(
                judge: RemovalJudge(confirmations: confirmations, spacing: spacing),
                politeness: politeness,
                concurrency: concurrency,
                batchSize: 4
            ),
            makeResolver: nil,
            makeDrafter: nil,
            evidenceDirectory: nil,
            clock: clock
        )
    }

    /// Runs `selection` at `hours` after the start.
    func run(
        _ runner: RecheckRunner,
        _ selection: RecheckSelection = .all,
        at hours: Double
    ) async throws
        -> RecheckReport
    {
        clock.set(Self.start.addingTimeInterval(hours * 3600))
        return try await runner.run(selection: selection)
    }
}
