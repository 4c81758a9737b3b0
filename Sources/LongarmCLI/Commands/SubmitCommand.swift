import ArgumentParser
import Foundation
import LongarmCore
import LongarmStore
import LongarmWorkflow

/// `longarm submit URL… --case ID [--from FILE]`: adds infringing URLs to a case.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Add infringing URLs to a case.",
        discussion: """
            Each URL is canonicalised (scheme and host lower case, IDNA A-labels, default port and fragment \
            dropped, percent-encoding normalised) and stored once per case: a URL the case already holds, or one \
            repeated in the same batch, is reported as a duplicate. The whole batch is stored in one transaction. \
            A bad row gets one line on stderr (FILE:LINE: problem: "input"; command-line URLs are \
            argument:POSITION), the good rows are stored, and the exit status is 65. With --evidence each new \
            target is captured (as `evidence capture` does) before its hosting is resolved; a page that cannot \
            be captured is reported, the rest go on, and the exit status is 1.
            """
    )

    @Argument(help: "URLs to add (http or https).")
    var urls: [String] = []

    @Option(name: .customLong("case"), help: "The case's number.")
    var caseID: Int64

    @Option(name: .customLong("from"), help: "A batch file: CSV with header url[,kind,note], or JSON Lines.")
    var batchFile: String?

    @Option(help: "Kind for URLs that name none (default: the case's kind).")
    var kind: String?

    @Option(help: "Note for URLs that have none.")
    var note: String?

    @Flag(
        name: .customLong("no-resolve"),
        help: "Store the targets without resolving their hosting (resolve later with longarm resolve --case)."
    )
    var noResolve = false

    @Flag(help: "Capture each new target as evidence at intake, before resolution (WARC, custody entry).")
    var evidence = false

    @OptionGroup var net: NetOptions
    @OptionGroup var evidenceStorage: EvidenceStorageOptions

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if urls.isEmpty && batchFile == nil {
            throw ValidationError("give at least one URL or --from FILE")
        }
        if let kind {
            do { _ = try InfringementKind(parsing: kind) } catch {
                let kinds = InfringementKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--kind \(kind): unknown kind; use one of \(kinds)")
            }
        }
    }

    func run() async throws {
        var anyRejected = false
        var captureFailed = false
        try await withCLIErrors {
            let db = try store.open()
            guard try db.caseFile(id: caseID) != nil else {
                throw CLIError(.badInput, "case \(caseID): no such case in \(store.resolvedPath)")
            }
            let intake = TargetIntake(
                canonicalizer: URLCanonicalizer(publicSuffixList: try PublicSuffixListLoader.shipped())
            )
            let defaultKind = try kind.map { try InfringementKind(parsing: $0) }
            let now = Date()
            var prepared: [TargetIntake.Prepared] = []
            var rejected: [BatchRowError] = []
            func take(_ rows: [BatchRow], source: String) async {
                let outcome = await intake.prepareConcurrently(
                    rows,
                    source: source,
                    caseID: caseID,
                    defaultKind: defaultKind,
                    defaultNote: note,
                    now: now
                )
                prepared += outcome.prepared
                rejected += outcome.rejected
            }
            await take(urls.enumerated().map { BatchRow(line: $0.offset + 1, url: $0.element) }, source: "argument")
            if let batchFile {
                let read = BatchReader.read(try BatchFile.read(batchFile), source: batchFile)
                rejected += read.errors
                await take(read.rows, source: batchFile)
            }
            rejected.sort { ($0.source == "argument" ? 0 : 1, $0.line) < ($1.source == "argument" ? 0 : 1, $1.line) }
            let results = try db.addTargets(prepared.map(\.target))
            var report = SubmitReport(caseID: caseID, prepared: prepared, results: results, rejected: rejected)
            for error in rejected { printError(error.description) }
            let added = results.compactMap { result -> Target? in
                if case .added(let target) = result { return target }
                return nil
            }
            if evidence {
                // Captured first: the page may be gone by the time resolution and planning are done.
                let collection = try EvidenceCollection.live(
                    net: try net.configuration(),
                    store: db,
                    dataDirectory: evidenceStorage.resolved(store: store)
                )
                let outcomes = await collection.capture(EvidenceCollection.jobs(for: added), caseID: caseID)
                report.evidence = outcomes.map(SubmitReport.Captured.init)
                for outcome in outcomes {
                    if case .failure(let error) = outcome.result {
                        printError("longarm: \(outcome.job.url): not captured: \(error)")
                        captureFailed = true
                    }
                }
            }
            if output.json {
                try JSONOutput.print(report)
            } else {
                report.printText()
            }
            anyRejected = !rejected.isEmpty
            if !noResolve {
                let profiles = try await TargetResolution.resolveAndStore(
                    added,
                    resolver: try net.resolver(),
                    store: db,
                    actor: CustodyActor.current
                )
                if !output.json, !profiles.isEmpty {
                    printError("resolved \(profiles.count) target(s); profiles stored")
                }
            }
        }
        if anyRejected { throw ExitCode(CLIError.Status.badInput.rawValue) }
        if captureFailed { throw ExitCode(CLIError.Status.failure.rawValue) }
    }

}
