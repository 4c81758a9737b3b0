import ArgumentParser
import Foundation
import LongarmCore
import LongarmEvidence
import LongarmStore
import LongarmWorkflow

/// `longarm evidence bench`: measures capture-and-record throughput.
///
/// With `--url-base` it captures real pages through the wired HTTP client; without, it uses an in-memory
/// synthetic server and reports a figure that excludes the network.
struct EvidenceBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure capture throughput (pages/s) into a scratch database and data folder."
    )

    @Option(help: "Pages to capture.")
    var pages = 1000

    @Option(help: "Body size of each synthetic page, in bytes.")
    var size = 100_000

    @Option(help: "Capture URL-BASE/0 … URL-BASE/N-1 through the real HTTP client instead of the synthetic server.")
    var urlBase: String?

    @Option(help: "Concurrent captures.")
    var concurrency = 16

    @OptionGroup var net: NetOptions

    func run() async throws {
        try await withCLIErrors {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
                "longarm-bench-\(UUID().uuidString)"
            )
            defer { try? FileManager.default.removeItem(at: scratch) }
            let db = try LongarmStore(path: scratch.appendingPathComponent("bench.sqlite").path)
            let caseID = try db.createCase(CaseFile(holder: "bench", kind: .copyright)).id!
            let fetcher: any HTTPFetching =
                try urlBase.map { _ in try FetcherFactory.makeFetcher(try net.configuration()) }
                ?? SyntheticFetcher(bodySize: size)
            let capturer = EvidenceCapturer(
                fetcher: fetcher,
                configuration: CaptureConfiguration(
                    toolVersion: "longarm/\(LongarmVersion.current)",
                    allowPrivateTargets: true
                )
            )
            let recorder = EvidenceRecorder(store: db, dataDirectory: scratch, actor: "bench")
            let collection = EvidenceCollection(capturer: capturer, recorder: recorder, concurrency: concurrency)
            let base = urlBase ?? "http://bench.invalid/page"
            let jobs = (0..<pages).map { EvidenceCollection.Job(url: "\(base)/\($0)") }
            let clock = ContinuousClock()
            let start = clock.now
            let outcomes = await collection.capture(jobs, caseID: caseID)
            let elapsed = clock.now - start
            let failed = outcomes.filter { $0.capture == nil }
            if let first = failed.first, case .failure(let error) = first.result {
                throw CLIError(
                    .failure,
                    "\(failed.count) of \(pages) captures failed; first: \(first.job.url): \(error)"
                )
            }
            let seconds = elapsed.seconds
            let label =
                urlBase == nil
                ? "synthetic in-memory server, EXCLUDING network" : "through the HTTP client from \(base)"
            let rate = String(format: "%.0f", Double(pages) / seconds)
            let time = String(format: "%.2f", seconds)
            let stored = try db.captures(caseID: caseID)
            let bodyBytes = stored.reduce(0) { $0 + $1.exchanges.reduce(0) { $0 + $1.bodySize } }
            print(
                "evidence capture: \(pages) pages of \(bodyBytes / max(1, stored.count)) bytes in \(time) s = \(rate) pages/s, "
                    + "CPU \(String(format: "%.2f", ProcessUsage.processorSeconds())) s, "
                    + "peak RSS \(ProcessUsage.peakMegabytes()) MiB, \(stored.count) captures stored "
                    + "(\(label); \(concurrency) at a time; hashing, WARC, fsync, SQLite included)"
            )
        }
    }
}
