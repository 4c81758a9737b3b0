import Foundation
import LongarmCore
import Testing

@testable import LongarmLetters

/// Every template names only fields the typed contexts have, and renders with a full context.
struct TemplateCheckTests {
    static func fullContext(language: String = "en") throws -> LetterContext {
        let library = try LetterFixtures.library()
        let scenario = GoldenScenario.all[0]
        let input = BodyInput(
            caseFile: LetterFixtures.fullCase(),
            group: LetterGroup(
                rung: scenario.plannedTarget().plan.rungs[0],
                plan: scenario.plannedTarget().plan,
                targets: [scenario.plannedTarget()]
            ),
            regime: .statutory,
            captures: LetterFixtures.evidence.captures,
            manifestName: "manifest.json",
            statements: Phrasebook.statementKeys.map { ($0, "value") },
            missing: [MissingElement(element: NoticeElement("signature"), fields: ["signature"], remedy: "")],
            options: LetterOptions(date: LetterFixtures.date)
        )
        let phrases = try #require(library.phrasebooks[language])
        var context = BodyBuilder(input: input, phrases: phrases).context()
        context.legalBasis[0].uncertain = phrases.uncertain
        return context
    }

    static func variables(in source: String) -> [(sigil: String, name: String)] {
        let regex = try! NSRegularExpression(pattern: #"\{\{\s*([#^/>&!%]?)\s*([^}\s]+)\s*\}\}"#)
        let range = NSRange(source.startIndex..., in: source)
        return regex.matches(in: source, range: range).compactMap { match in
            guard let sigil = Range(match.range(at: 1), in: source), let name = Range(match.range(at: 2), in: source)
            else { return nil }
            return (String(source[sigil]), String(source[name]))
        }
    }

    @Test func everyTemplateVariableNamesAContextField() throws {
        let library = try LetterFixtures.library()
        let letterKeys = try MustacheContextEncoder.keyPaths(try Self.fullContext())
        let coverKeys = try MustacheContextEncoder.keyPaths(
            CoverContext(
                language: "en",
                title: "t",
                intro: "i",
                lines: [CoverContext.Line(text: "x", missing: "y")],
                review: "r",
                footer: ["f"]
            )
        )
        #expect(library.sources.count >= 15)
        for (name, source) in library.sources {
            let keys = name.hasPrefix("cover/") ? coverKeys : letterKeys
            for (sigil, variable) in Self.variables(in: source) where sigil != "!" && sigil != "/" && variable != "." {
                if sigil == ">" {
                    #expect(library.sources[variable] != nil, "\(name) includes a missing partial \(variable)")
                    continue
                }
                for part in variable.split(separator: ".") {
                    #expect(keys.contains(String(part)), "\(name): {{\(variable)}} names no context field")
                }
            }
        }
    }

    @Test func everyTemplateRendersEverySectionOfAFullContext() throws {
        let library = try LetterFixtures.library()
        let context = try Self.fullContext()
        for name in library.templates.keys.sorted() {
            let markdown = try library.render(name, context: context)
            #expect(!markdown.contains("{{"), "\(name) left a tag")
            for needle in [
                "li.wei@lantern.example", "203.0.113.7:443", "https://films.example.net/watch/lantern",
                "17 U.S.C.", "/Li Wei/", "manifest.json",
            ] {
                #expect(markdown.contains(needle), "\(name) does not print \(needle)")
            }
        }
    }

    @Test func everyPhrasebookIsCompleteAndTranslationsAreMarkedUnreviewed() throws {
        let library = try LetterFixtures.library()
        let required = [
            "en", "zh-Hans", "zh-Hant", "ja", "ko", "de", "fr", "ru", "pt-BR", "vi", "th", "id", "tr", "uk",
        ]
        for code in required {
            let book = try #require(library.phrasebooks[code], "no phrasebook for \(code)")
            #expect(book.reviewed == (code == "en"), "\(code) review marker")
            if code != "en" {
                #expect(book.headings.statements != library.phrasebooks["en"]?.headings.statements)
                #expect(
                    book.statements["good-faith-statement"]
                        != library.phrasebooks["en"]?.statements["good-faith-statement"]
                )
            }
        }
    }

    @Test func coverSummaryIsInTheHoldersLanguage() throws {
        let library = try LetterFixtures.library()
        let batch = try LetterComposer(library: library).compose(
            caseFile: LetterFixtures.fullCase(),
            targets: [GoldenScenario.all[0].plannedTarget()],
            options: LetterOptions(formats: [.md], date: LetterFixtures.date)
        )
        #expect(batch.cover.language == "zh-Hans")
        #expect(batch.cover.text.contains("案件 3"))
        #expect(batch.cover.text.contains("Example Hosting GmbH"))
    }
}
