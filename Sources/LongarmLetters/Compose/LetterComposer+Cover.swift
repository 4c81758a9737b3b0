import Foundation
import LongarmCore

/// The context of the cover summary: the holder's own language, listing the letters and what is missing.
struct CoverContext: Sendable, Codable, Hashable {
    struct Line: Sendable, Codable, Hashable {
        var text: String
        var missing: String?
    }

    var language: String
    var title: String
    var intro: String
    var lines: [Line]
    var review: String
    var footer: [String]
}

extension LetterComposer {
    func coverSummary(
        caseFile: CaseFile,
        lines: [(party: String, language: String, missing: [MissingElement])],
        options: LetterOptions
    ) throws(LetterError) -> (language: String, text: String) {
        let language = LanguageChoice.holderLanguage(caseFile)
        guard let phrases = library.phrasebooks[language] ?? library.phrasebooks["en"] else {
            throw LetterError(.templates, "\(library.directory.path): no phrasebook for the cover summary")
        }
        let caseID = caseFile.id.map(String.init) ?? "-"
        let context = CoverContext(
            language: phrases.language,
            title: fill(phrases.cover.title, ["case": caseID]),
            intro: fill(
                phrases.cover.intro,
                ["case": caseID, "holder": caseFile.holder, "count": String(lines.count)]
            ),
            lines: lines.map { line in
                let fields = line.missing.flatMap(\.fields)
                return CoverContext.Line(
                    text: fill(phrases.cover.letter, ["party": line.party, "language": line.language]),
                    missing: fields.isEmpty
                        ? phrases.cover.complete
                        : fill(phrases.cover.missing, ["fields": Array(Set(fields)).sorted().joined(separator: ", ")])
                )
            },
            review: phrases.cover.review,
            footer: phrases.reviewed ? [] : [phrases.footer.translation]
        )
        return (phrases.language, try library.render("cover/summary", context: context))
    }
}
