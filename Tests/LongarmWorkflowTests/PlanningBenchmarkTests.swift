import Foundation
import LongarmStore
import LongarmWorkflow
import Testing

/// The stored-case planning benchmark times each run on its own copy of the set-up database.
final class PlanningBenchmarkTests: Sendable {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-bench-test-\(UUID())")

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test func everyRunPlansTheWholeCaseOnAFreshCopy() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try PlanningBenchmark(planner: WorkflowFixtures.planner).run(
            count: 60,
            workers: 2,
            folder: folder,
            runs: 3
        )
        #expect(result.runs.count == 3)
        #expect(result.plans == 60)
        #expect(result.custodyEntries == 60)
        // Had the runs shared one database, the last would hold the plans of all three.
        #expect(result.storage.plans == 60)
        #expect(result.rungs > 60)
        #expect(result.runs.allSatisfy { $0.seconds > 0 && $0.cpuSeconds >= 0 })
        let sorted = result.runs.map(\.seconds).sorted()
        #expect(result.median.seconds == sorted[1])
    }
}
