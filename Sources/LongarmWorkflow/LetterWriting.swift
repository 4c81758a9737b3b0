public import Foundation
public import LongarmCore
public import LongarmLetters
public import LongarmStore

/// Composes the letters for a case's planned targets, writes them with a cover and an `index.json` to a folder,
/// and stores a record (hash and plan rung) of each file: shared by `letters`, re-checks and the service.
public struct LetterWriting: Sendable {
    /// The composer over the loaded templates and rules.
    public var composer: LetterComposer
    /// The options every letter is rendered with.
    public var options: LetterOptions
    /// Who the letters' custody entries name as acting.
    public var actor: String

    /// Creates the step.
    public init(composer: LetterComposer, options: LetterOptions, actor: String = "longarm") {
        self.composer = composer
        self.options = options
        self.actor = actor
    }

    /// Renders the letters of `targets` and writes them into `directory`; `evidence` (by target id, see
    /// ``CaseEvidence``) fills the evidence section, and its manifest is attached to `.eml` letters.
    ///
    /// - Throws: `LetterError` when a required element is missing and `options.draft` is off; file and store
    ///   errors otherwise.
    public func write(
        caseFile: CaseFile,
        targets: [PlannedTarget],
        evidence: [Int64: EvidenceSummary] = [:],
        to directory: URL,
        store: LongarmStore,
        now: Date = Date()
    ) throws -> LetterIndex {
        let (index, records) = try writeFiles(
            caseFile: caseFile,
            targets: targets,
            evidence: evidence,
            to: directory,
            now: now
        )
        try store.saveLetters(records, actor: actor)
        return index
    }

    /// Renders and writes the letters like ``write(caseFile:targets:evidence:to:store:now:)`` but stores nothing:
    /// the caller stores the returned records, e.g. in the same transaction as the follow-up that asked for them.
    public func writeFiles(
        caseFile: CaseFile,
        targets: [PlannedTarget],
        evidence: [Int64: EvidenceSummary] = [:],
        to directory: URL,
        now: Date = Date()
    ) throws -> (index: LetterIndex, records: [LongarmStore.LetterRecord]) {
        let batch = try composer.compose(caseFile: caseFile, targets: targets, evidence: evidence, options: options)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var entries: [LetterIndex.Entry] = []
        var records: [LongarmStore.LetterRecord] = []
        var used: [String: Int] = [:]
        let caseID = caseFile.id ?? 0
        for letter in batch.letters {
            let stem =
                "\(String(format: "%02d", letter.rungStep))-\(letter.role.rawValue)-\(Self.slug(letter.party))"
                + ".\(letter.language)"
            let key = "\(stem).\(letter.format.rawValue)"
            let count = used[key, default: 0]
            used[key] = count + 1
            let name = (count == 0 ? stem : "\(stem)-\(count + 1)") + ".\(letter.format.fileExtension)"
            let url = directory.appendingPathComponent(name)
            try letter.content.write(to: url, options: .atomic)
            let digest = SHA256Hex.of(letter.content)
            entries.append(
                LetterIndex.Entry(
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
        let index = LetterIndex(caseID: caseID, cover: coverName, letters: entries, notes: batch.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(index).write(to: directory.appendingPathComponent("index.json"), options: .atomic)
        return (index, records)
    }

    /// A file-name-safe form of a party's name: ASCII letters and digits, dashes between, at most 40 characters.
    public static func slug(_ text: String) -> String {
        let lowered = text.lowercased().unicodeScalars.map {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-"
        }
        let collapsed = String(lowered).split(separator: "-").joined(separator: "-")
        return collapsed.isEmpty ? "party" : String(collapsed.prefix(40))
    }
}
