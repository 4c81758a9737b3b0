import ArgumentParser
import Foundation
import LongarmCore
import LongarmLetters
import LongarmRules
import LongarmStore
import LongarmWorkflow

/// `longarm letters CASE --out DIR`: writes the letters for every stored plan of a case.
struct LettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract: "Write the letters for a case's stored plans to a folder, with an index.json.",
        discussion: """
            Fails, naming the missing case fields and the law that needs them, when a required element cannot be \
            filled; --draft writes the letters anyway with [MISSING: …] placeholders.
            """
    )

    @Argument(help: "The case's number.") var caseID: Int64
    @Option(help: "The folder to write to.") var out: String
    @Option(help: "Formats, comma-separated: txt, md, html, eml, form.") var format = "txt,md,html,eml,form"
    @Option(help: "auto (follow the rules) or a language code such as en, ja, zh-Hant.") var lang = "auto"
    @Flag(help: "Write letters even when data is missing, with visible placeholders.") var draft = false
    @Option(help: "Templates folder (env LONGARM_TEMPLATES; default: the shipped Templates/).") var templates: String?
    @Option(
        help: "The case's exported evidence bundle (folder or .zip): its manifest.json is attached to .eml letters."
    )
    var bundle: String?
    @OptionGroup var data: DataOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        for name in format.split(separator: ",") where LetterFormat(rawValue: String(name)) == nil {
            throw ValidationError("--format \(name): expected txt, md, html, eml or form")
        }
    }

    func run() async throws {
        try await withCLIErrors {
            let db = try store.open()
            guard let caseFile = try db.caseFile(id: caseID) else {
                throw CLIError(.badInput, "case \(caseID) does not exist")
            }
            let plans = try db.latestPlans(caseID: caseID)
            let targets = try db.targets(caseID: caseID).compactMap { target -> PlannedTarget? in
                guard let id = target.id, let stored = plans[id] else { return nil }
                return PlannedTarget(target: target, plan: stored.plan, planID: stored.id)
            }
            guard !targets.isEmpty else {
                throw CLIError(.badInput, "case \(caseID) has no stored plan: run longarm plan \(caseID) first")
            }
            guard let folder = templates.map({ URL(fileURLWithPath: $0) }) ?? TemplateLocator.defaultDirectory() else {
                throw CLIError(.failure, "cannot find the templates: pass --templates DIR or set LONGARM_TEMPLATES")
            }
            let library: TemplateLibrary
            do { library = try TemplateLibrary(directory: folder) } catch { throw CLIError(.failure, "\(error)") }
            let book = try? data.loadBook()
            let options = LetterOptions(
                formats: format.split(separator: ",").compactMap { LetterFormat(rawValue: String($0)) },
                language: lang == "auto" ? nil : lang,
                draft: draft,
                version: LongarmVersion.current
            )
            let evidence: [Int64: EvidenceSummary]
            do {
                evidence = try CaseEvidence.summaries(
                    for: caseFile,
                    targets: targets.map(\.target),
                    store: db,
                    bundle: bundle.map { URL(fileURLWithPath: $0) }
                )
            } catch let error as CaseEvidenceError {
                throw CLIError(.badInput, "\(error)")
            }
            let writing = LetterWriting(
                composer: LetterComposer(library: library, book: book),
                options: options,
                actor: CustodyActor.current
            )
            let index: LetterIndex
            do {
                index = try writing.write(
                    caseFile: caseFile,
                    targets: targets,
                    evidence: evidence,
                    to: URL(fileURLWithPath: out),
                    store: db
                )
            } catch let error as LetterError {
                throw CLIError(.badInput, "\(error)")
            }
            if output.json {
                try JSONOutput.print(index)
            } else {
                for entry in index.letters {
                    print("\(entry.file)  \(entry.sha256.prefix(12))\(entry.draft ? "  draft" : "")")
                }
                print("\(index.letters.count) file(s), \(index.cover) and index.json written to \(out)")
                for note in index.notes { printError("note: \(note)") }
            }
        }
    }
}
