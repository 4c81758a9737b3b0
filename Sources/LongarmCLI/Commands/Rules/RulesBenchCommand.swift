import ArgumentParser
import Foundation
import LongarmRules
import LongarmStore
import LongarmWorkflow

/// `longarm rules bench --count N`: plan a case of N targets from stored profiles, as `longarm plan CASE` does,
/// printing the time; then the planner alone on profiles in memory.
struct RulesBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure planning: a case of N targets planned from stored profiles, plans stored.",
        shouldDisplay: false
    )

    @Option(name: .long, help: "How many targets to plan.")
    var count = 100_000

    @Option(name: .long, help: "Timed runs, each on a fresh copy of the set-up database; the median is reported.")
    var runs = 1

    @Option(name: .long, help: "Parallel workers (default: active processors).")
    var workers: Int?

    @Option(name: .long, help: "Folder for the benchmark's database (default: a new temporary folder, removed after).")
    var scratch: String?

    @OptionGroup var data: DataOptions

    func run() async throws {
        try await withCLIErrors {
            let planner = NoticePlanner(book: try data.loadBook())
            let workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
            let folder =
                scratch.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                    "longarm-plan-bench-\(UUID().uuidString)"
                )
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if scratch == nil { try? FileManager.default.removeItem(at: folder) } }
            guard runs >= 1 else { throw CLIError(.usage, "--runs \(runs): give at least one run") }
            let stored = try PlanningBenchmark(planner: planner).run(
                count: count,
                workers: workers,
                folder: folder,
                runs: runs
            )
            let median = stored.median
            print(
                String(
                    format: "plan CASE (read stored profiles, plan, store plans and custody): %d targets in %.2f s "
                        + "wall, %.2f s CPU, on %d workers (%.0f targets/s; %d rungs, %d custody entries; "
                        + "set-up %.1f s untimed)",
                    stored.plans,
                    median.seconds,
                    median.cpuSeconds,
                    workers,
                    Double(stored.plans) / max(median.seconds, 1e-9),
                    stored.rungs,
                    stored.custodyEntries,
                    stored.setupSeconds
                )
            )
            print(
                String(
                    format: "  phases: read profiles %.2f s, decode + plan + encode %.2f s, store %.2f s",
                    median.phases.read,
                    median.phases.prepare,
                    median.phases.store
                )
            )
            if stored.runs.count > 1 {
                let walls = stored.runs.map { String(format: "%.2f", $0.seconds) }.joined(separator: " ")
                let cpus = stored.runs.map { String(format: "%.2f", $0.cpuSeconds) }.joined(separator: " ")
                print("  median of \(stored.runs.count) runs; every run, in order: wall \(walls) s; CPU \(cpus) s")
            }
            let storage = stored.storage
            print(
                String(
                    format: "  stored: %d plans, %.1f MB of plan JSON (%.0f bytes each) + %d shared fragments "
                        + "(%.2f MB); database file and WAL %.1f MB",
                    storage.plans,
                    Double(storage.planBytes) / 1e6,
                    Double(storage.planBytes) / Double(max(storage.plans, 1)),
                    storage.fragments,
                    Double(storage.fragmentBytes) / 1e6,
                    Double(stored.fileBytes) / 1e6
                )
            )
            let memory = await PlanBenchmark(planner: planner).run(count: count, workers: workers)
            print(
                String(
                    format:
                        "planner alone (profiles in memory): %d targets in %.2f s wall, %.2f s CPU (%.0f targets/s)",
                    memory.targets,
                    memory.planSeconds,
                    memory.planCPUSeconds,
                    Double(memory.targets) / max(memory.planSeconds, 1e-9)
                )
            )
        }
    }
}
