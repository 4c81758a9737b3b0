import ArgumentParser
import Foundation
import LongarmCore
import LongarmLetters
import LongarmRules
import LongarmStore

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

    struct IndexEntry: Codable {
        var file: String
        var rung: Int
        var role: String
        var party: String
        var channel: String
        var channelAddress: String?
        var language: String
        var format: String
        var sha256: String
        var draft: Bool
        var urls: [String]
        var satisfied: [SatisfiedElement]
        var missing: [MissingElement]
    }

    struct Index: Codable {
        var caseID: Int64
        var cover: String
        var letters: [IndexEntry]
        var notes: [String]
    }

    @Argument(help: "The case's number.") var caseID: Int64
    @Option(help: "The folder to write to.") var out: String
    @Option(help: "Formats, comma-separated: txt, md, html, eml, form.") var format = "txt,md,html,eml,form"
    @Option(help: "auto (follow the rules) or a language code such as en, ja, zh-Hant.") var lang = "auto"
    @Flag(help: "Write letters even when data is missing, with visible placeholders.") var draft = false
    @Option(help: "Templates folder (env LONGARM_TEMPLATES; default: the shipped Templates/).") var templates: String?
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
            let batch: LetterComposer.Batch
            do {
                batch = try LetterComposer(library: library, book: book)
                    .compose(caseFile: caseFile, targets: targets, options: options)
            } catch {
                throw CLIError(.badInput, "\(error)")
            }
            try write(batch, targets: targets, db: db)
        }
    }

    private func write(_ batch: LetterComposer.Batch, targets: [PlannedTarget], db: LongarmStore) throws {
        let directory = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var entries: [IndexEntry] = []
        var records: [LongarmStore.LetterRecord] = []
        var used: [String: Int] = [:]
        let now = Date()
        for letter in batch.letters {
            let slug = Self.slug(letter.party)
            let stem = "\(String(format: "%02d", letter.rungStep))-\(letter.role.rawValue)-\(slug).\(letter.language)"
            let count = used["\(stem).\(letter.format.rawValue)", default: 0]
            used["\(stem).\(letter.format.rawValue)"] = count + 1
            let name = (count == 0 ? stem : "\(stem)-\(count + 1)") + ".\(letter.format.fileExtension)"
            let url = directory.appendingPathComponent(name)
            try letter.content.write(to: url, options: .atomic)
            let digest = SHA256Hex.of(letter.content)
            entries.append(
                IndexEntry(
                    file: name,
                    rung: letter.rungStep,
                    role: letter.role.rawValue,
                    party: letter.party,
                    channel: letter.channel.rawValue,
                    channelAddress: letter.channelAddress,
                    language: letter.language,
                    format: letter.format.rawValue,
                    sha256: digest,
                    draft: letter.draft,
                    urls: letter.urls,
                    satisfied: letter.satisfied,
                    missing: letter.missing
                )
            )
            let planID = targets.first { $0.target.id == letter.targetIDs.first }?.planID
            records.append(
                LongarmStore.LetterRecord(
                    caseID: caseID,
                    targetID: letter.targetIDs.first ?? 0,
                    planID: planID,
                    rungStep: letter.rungStep,
                    party: letter.party,
                    channel: letter.channel.rawValue,
                    language: letter.language,
                    format: letter.format.rawValue,
                    path: url.path,
                    sha256: digest,
                    draft: letter.draft,
                    createdAt: now
                )
            )
        }
        let coverName = "cover.\(batch.cover.language).md"
        try Data(batch.cover.text.utf8).write(to: directory.appendingPathComponent(coverName), options: .atomic)
        let index = Index(caseID: caseID, cover: coverName, letters: entries, notes: batch.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(index).write(to: directory.appendingPathComponent("index.json"), options: .atomic)
        try db.saveLetters(records)
        if output.json {
            try JSONOutput.print(index)
        } else {
            for entry in entries { print("\(entry.file)  \(entry.sha256.prefix(12))\(entry.draft ? "  draft" : "")") }
            print("\(entries.count) file(s), \(coverName) and index.json written to \(directory.path)")
            for note in batch.notes { printError("note: \(note)") }
        }
    }

    static func slug(_ text: String) -> String {
        let lowered = text.lowercased().unicodeScalars.map {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-"
        }
        let collapsed = String(lowered).split(separator: "-").joined(separator: "-")
        return collapsed.isEmpty ? "party" : String(collapsed.prefix(40))
    }
}
