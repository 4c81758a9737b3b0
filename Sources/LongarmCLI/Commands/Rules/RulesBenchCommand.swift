import ArgumentParser
import Foundation
import LongarmRules

/// `longarm rules bench --count N`: decode and plan N synthetic stored profiles, printing the time.
struct RulesBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure planning: decode and plan N synthetic stored profiles.",
        shouldDisplay: false
    )

    @Option(name: .long, help: "How many targets to plan.")
    var count = 100_000

    @Option(name: .long, help: "Parallel workers (default: active processors).")
    var workers: Int?

    @OptionGroup var data: DataOptions

    func run() async throws {
        try await withCLIErrors {
            let planner = NoticePlanner(book: try data.loadBook())
            let workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
            let result = try await PlanBenchmark(planner: planner).run(count: count, workers: workers)
            print(
                String(
                    format: "plan: %d targets in %.2f s wall, %.2f s CPU, on %d workers (%.0f targets/s, %d rungs)",
                    result.targets,
                    result.planSeconds,
                    result.planCPUSeconds,
                    workers,
                    Double(result.targets) / max(result.planSeconds, 1e-9),
                    result.rungs
                )
            )
            print(
                String(
                    format:
                        "plan from stored JSON (decode + plan): %d targets in %.2f s wall, %.2f s CPU (%.0f targets/s)",
                    result.targets,
                    result.decodeAndPlanSeconds,
                    result.decodeAndPlanCPUSeconds,
                    Double(result.targets) / max(result.decodeAndPlanSeconds, 1e-9)
                )
            )
        }
    }
}
