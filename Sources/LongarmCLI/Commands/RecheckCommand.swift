import ArgumentParser
import Dispatch
import Foundation
import Logging
import LongarmCore
import LongarmLetters
import LongarmNet
import LongarmResolve
import LongarmRules
import LongarmStore
import LongarmWatch
import LongarmWorkflow

/// `longarm recheck [--due|--all|--case ID]`: checks watched targets now.
struct RecheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck",
        abstract: "Re-check targets now: is the content still up, gone, unreachable, or moved to another host?",
        discussion: """
            Without a selection, checks the targets that are due. Each check is stored with a custody entry; a \
            removal needs --confirmations gone checks at least --spacing apart (also LONGARM_CONFIRMATIONS and \
            LONGARM_SPACING; defaults 3 and 6h). Notices past their deadline are judged after the checks: the next \
            rung is drafted when the content is still up. Drafts go to drafts/ under the evidence folder. \
            SIGINT or SIGTERM stops the run: finished checks are stored, the rest stay due.
            """
    )

    @Flag(help: "Check the targets that are due (the default).") var due = false
    @Flag(help: "Check every target.") var all = false
    @Option(name: .customLong("case"), help: "Check every target of this case.") var caseID: Int64?
    @Option(help: "Gone checks needed to confirm a removal (env LONGARM_CONFIRMATIONS; default 3).")
    var confirmations: Int?
    @Option(help: "Least time between counted gone checks, e.g. 6h, 30m, 0s (env LONGARM_SPACING; default 6h).")
    var spacing: String?
    @Flag(name: .customLong("no-resolve"), help: "Do not re-resolve the hosting (no move detection).")
    var noResolve = false
    @Option(help: "Templates folder for drafts (env LONGARM_TEMPLATES; default: the shipped Templates/).")
    var templates: String?
    @OptionGroup var net: NetOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var evidence: EvidenceStorageOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if [due, all, caseID != nil].filter(\.self).count > 1 {
            throw ValidationError("choose one of --due, --all and --case ID")
        }
        if let confirmations, confirmations < 1 {
            throw ValidationError("--confirmations \(confirmations): must be at least 1")
        }
        if let spacing {
            do { _ = try DurationText.parse(spacing, input: "--spacing") } catch { throw ValidationError("\(error)") }
        }
    }

    func run() async throws {
        try await withCLIErrors {
            let db = try store.open()
            var settings = try RecheckSetup.settings(
                confirmations: confirmations,
                spacing: spacing,
                timeout: try net.configuration().timeout,
                actor: CustodyActor.current
            )
            if noResolve { settings.resolveHosting = false }
            let selection: RecheckSelection
            if let caseID {
                guard try db.caseFile(id: caseID) != nil else {
                    throw CLIError(.badInput, "case \(caseID): no such case in \(store.resolvedPath)")
                }
                selection = .caseID(caseID)
            } else {
                selection = all ? .all : .due
            }
            let setup = RecheckSetup(
                net: net,
                data: data,
                templates: templates,
                evidenceDirectory: evidence.resolved(store: store)
            )
            let runner = try setup.runner(store: db, settings: settings, logger: Logger(label: "longarm.watch"))
            let task = Task { try await runner.run(selection: selection) }
            let signals = Self.cancelOnSignals(task)
            let report: RecheckReport
            do {
                report = try await task.value
            } catch let error as WatchError {
                throw CLIError(error)
            }
            for source in signals { source.cancel() }
            if output.json {
                try JSONOutput.print(report)
            } else {
                RecheckTextPrinter.print(report)
            }
            if report.interrupted { throw ExitCode(CLIError.Status.failure.rawValue) }
        }
    }

    /// SIGINT and SIGTERM cancel the run instead of killing the process, so finished checks are stored.
    static func cancelOnSignals(_ task: Task<RecheckReport, any Error>) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
    }
}
