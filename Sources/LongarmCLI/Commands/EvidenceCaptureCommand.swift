import ArgumentParser
import Foundation
import LongarmCore
import LongarmEvidence
import LongarmNet
import LongarmStore
import LongarmWorkflow

/// `longarm evidence capture URL|CASE`: captures a URL (with `--case`) or every target of a case.
struct EvidenceCaptureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Capture a URL (needs --case) or every target of a case, statically (no scripts).",
        discussion: """
            Evidence always belongs to a case: capturing a URL needs --case N, and stores nothing otherwise. \
            Each capture writes the bodies to the content store, a WARC file, and a custody-log entry.
            """
    )

    @Argument(help: "An http(s) URL, or a case number to capture all its targets.")
    var subject: String

    @Option(name: .customLong("case"), help: "The case a captured URL belongs to.")
    var caseID: Int64?

    @Option(help: "RFC 3161 time-stamping authority URL: a token over each WARC file's SHA-256.")
    var tsa: String?

    @Option(help: "Bytes of body kept per response (default 50000000); the rest is marked truncated.")
    var maxBody: Int = 50_000_000

    @Flag(help: "Write .warc.gz files (one gzip member per record) instead of plain .warc.")
    var gzip = false

    @OptionGroup var net: NetOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var data: EvidenceStorageOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if maxBody <= 0 { throw ValidationError("--max-body \(maxBody): must be positive") }
        if Int64(subject) == nil {
            guard subject.hasPrefix("http://") || subject.hasPrefix("https://") else {
                throw ValidationError("\(subject): neither a case number nor an http(s) URL")
            }
            guard caseID != nil else {
                throw ValidationError("capturing a URL needs --case N: evidence is kept per case")
            }
        }
    }

    func run() async throws {
        try await withCLIErrors {
            let db = try store.open()
            let settings = try net.configuration()
            let caseNumber = caseID ?? Int64(subject)!
            guard try db.caseFile(id: caseNumber) != nil else {
                throw CLIError(.badInput, "case \(caseNumber): no such case in \(store.resolvedPath)")
            }
            let targets = try db.targets(caseID: caseNumber)
            let jobs: [EvidenceCollection.Job]
            if Int64(subject) != nil && caseID == nil {
                jobs = EvidenceCollection.jobs(for: targets)
                if jobs.isEmpty { throw CLIError(.badInput, "case \(caseNumber): has no targets to capture") }
            } else {
                let match = targets.first { $0.canonicalURL == subject || $0.submittedURL == subject }
                jobs = [EvidenceCollection.Job(url: subject, targetID: match?.id)]
            }
            let collection = try EvidenceCollection.live(
                net: settings,
                store: db,
                dataDirectory: data.resolved(store: store),
                maxBodyBytes: maxBody,
                gzip: gzip,
                tsaURL: tsa
            )
            var results: [EvidenceCapture] = []
            var failures = 0
            var unreachable = 0
            for outcome in await collection.capture(jobs, caseID: caseNumber) {
                switch outcome.result {
                case .success(let capture):
                    results.append(capture)
                    if !output.json { printSummary(capture) }
                case .failure(let error):
                    failures += 1
                    if error is NetError { unreachable += 1 }
                    printError("longarm: \(outcome.job.url): \(error)")
                }
            }
            if output.json { try JSONOutput.print(results) }
            if failures > 0 {
                // 69 when no server could be reached at all (the CLI contract's "service unreachable").
                let status: CLIError.Status = unreachable == failures ? .unavailable : .failure
                throw ExitCode(status.rawValue)
            }
        }
    }

    private func printSummary(_ capture: EvidenceCapture) {
        let last = capture.exchanges.last
        let address = last.flatMap { e in e.primaryIP.map { "\($0):\(e.primaryPort ?? 0)" } } ?? "unknown address"
        print("capture \(capture.id ?? 0): \(capture.url) → \(capture.finalURL) [\(last?.status ?? 0)] from \(address)")
        print("  \(capture.exchanges.count) exchange(s), WARC \(capture.warcFile) sha256 \(capture.warcSHA256)")
        if let reason = capture.stopReason { print("  stopped: \(reason)") }
        if capture.exchanges.contains(where: \.bodyTruncated) { print("  body truncated at \(maxBody) bytes") }
    }
}
