import Foundation
import LongarmCore
import LongarmLetters
import Testing

/// Renders every regime and language to golden files; `LONGARM_UPDATE_GOLDEN=1` rewrites them.
struct GoldenLetterTests {
    static let update = ProcessInfo.processInfo.environment["LONGARM_UPDATE_GOLDEN"] == "1"

    @Test(arguments: GoldenScenario.all)
    func rendersMatchingGolden(_ scenario: GoldenScenario) throws {
        let library = try LetterFixtures.library()
        let caseFile = LetterFixtures.fullCase(kind: scenario.kind)
        let batch = try LetterComposer(library: library).compose(
            caseFile: caseFile,
            targets: [scenario.plannedTarget()],
            evidence: scenario.withEvidence ? [1: LetterFixtures.evidence] : [:],
            options: LetterOptions(formats: [.md, .txt, .html, .form], date: LetterFixtures.date)
        )
        let markdown = try #require(batch.letters.first { $0.format == .md })
        #expect(!markdown.draft)
        #expect(markdown.missing.isEmpty)
        try compare(markdown.text, name: "\(scenario.name).md")
        if scenario.name == "us-dmca-en" {
            try compare(try #require(batch.letters.first { $0.format == .txt }).text, name: "\(scenario.name).txt")
            try compare(try #require(batch.letters.first { $0.format == .html }).text, name: "\(scenario.name).html")
        }
        if scenario.channel.kind == .webForm {
            try compare(
                try #require(batch.letters.first { $0.format == .form }).text,
                name: "\(scenario.name).form.json"
            )
        }
        let local = LanguageCodes.normalized(scenario.languages[0])
        #expect(markdown.language.hasPrefix(local))
    }

    private func compare(_ text: String, name: String) throws {
        let source = LetterFixtures.goldenSource.appendingPathComponent(name)
        if Self.update {
            try Data(text.utf8).write(to: source)
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/golden/" + name, withExtension: nil),
            "no golden \(name): run with LONGARM_UPDATE_GOLDEN=1"
        )
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "\(name) differs from its golden file")
    }
}

enum LanguageCodes {
    static func normalized(_ code: String) -> String { code == "pt" ? "pt-BR" : code }
}
