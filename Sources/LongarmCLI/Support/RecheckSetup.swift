import Foundation
import Logging
import LongarmLetters
import LongarmNet
import LongarmRules
import LongarmStore
import LongarmWatch
import LongarmWorkflow

/// The re-check runner as `longarm recheck` and `longarm serve` both build it: libcurl for pages, a fresh hosting
/// resolver per run, and a drafter over the shipped rules and templates for moves and passed deadlines.
struct RecheckSetup {
    var net: NetOptions
    var data: DataOptions
    /// `--templates`, when given.
    var templates: String?
    /// The evidence folder: captured bodies are read from it, drafts written under `drafts/`.
    var evidenceDirectory: URL

    /// The runner over `store` with `settings`.
    func runner(store: LongarmStore, settings: RecheckConfiguration, logger: Logger) throws -> RecheckRunner {
        let net = self.net
        return RecheckRunner(
            store: store,
            http: try FetcherFactory.makeFetcher(try net.configuration()),
            configuration: settings,
            makeResolver: { try net.resolver() },
            makeDrafter: { [self] in drafter() },
            evidenceDirectory: evidenceDirectory,
            logger: logger
        )
    }

    /// The drafter, or `nil` (with a note) when the rules or templates cannot be loaded.
    func drafter() -> FollowUpDrafter? {
        guard let book = try? data.loadBook(),
            let folder = templates.map({ URL(fileURLWithPath: $0) }) ?? TemplateLocator.defaultDirectory(),
            let library = try? TemplateLibrary(directory: folder)
        else {
            printError("longarm: note: rules or templates not found; moves and deadlines are recorded but not drafted")
            return nil
        }
        return FollowUpDrafter(
            planning: CasePlanning(planner: NoticePlanner(book: book)),
            writing: LetterWriting(
                composer: LetterComposer(library: library, book: book),
                options: LetterOptions(formats: [.txt, .eml], draft: true, version: LongarmVersion.current)
            ),
            draftsDirectory: evidenceDirectory.appendingPathComponent("drafts", isDirectory: true)
        )
    }

    /// The confirmation settings from flags, then `LONGARM_CONFIRMATIONS` / `LONGARM_SPACING`, with the network
    /// timeout and the custody actor set; a bad value is a usage error naming it.
    static func settings(
        confirmations: Int? = nil,
        spacing: String? = nil,
        timeout: Duration,
        actor: String
    ) throws -> RecheckConfiguration {
        var settings: RecheckConfiguration
        do {
            settings = try RecheckConfiguration.fromEnvironment(confirmations: confirmations, spacing: spacing)
        } catch let error as WatchError {
            throw CLIError(.usage, error.description)
        }
        settings.timeout = timeout
        settings.actor = actor
        return settings
    }
}
