import Foundation
import LongarmCore
import LongarmLetters
import Testing

/// Untrusted names and addresses stay data: escaped in HTML and Markdown, never parsed as a template.
struct InjectionTests {
    static func letters(party: String, holder: String? = nil, formats: [LetterFormat]) throws -> [Letter] {
        var planned = GoldenScenario.all[0].plannedTarget()
        planned.plan.rungs[0].party.name = party
        var caseFile = LetterFixtures.fullCase()
        if let holder { caseFile.holder = holder }
        return try LetterComposer(library: try LetterFixtures.library()).compose(
            caseFile: caseFile,
            targets: [planned],
            options: LetterOptions(formats: formats, date: LetterFixtures.date)
        ).letters
    }

    @Test func scriptInARegistrantNameIsEscapedInHTML() throws {
        let letters = try Self.letters(party: "<script>alert(1)</script> & \"Co\"", formats: [.html])
        let html = try #require(letters.first).text
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
    }

    @Test func mustacheDelimitersInANameAppearLiterally() throws {
        let name = "{{#x}}boom{{/x}} {{> partials/header}} {{{raw}}}"
        let letters = try Self.letters(party: name, holder: "{{holder}}", formats: [.txt, .md, .html])
        let text = try #require(letters.first { $0.format == .txt }).text
        #expect(text.contains(name))
        #expect(text.contains("on behalf of {{holder}}"))
        let html = try #require(letters.first { $0.format == .html }).text
        #expect(html.contains("{{#x}}boom{{/x}}"))
        let markdown = try #require(letters.first { $0.format == .md }).text
        #expect(!markdown.contains("{{#x}}"))
        #expect(markdown.contains(##"\{\{\#x\}\}boom"##))
    }

    @Test func lineBreaksAndMarkupInANameCannotOpenBlocks() throws {
        let letters = try Self.letters(party: "Host\n# Pwned\n- item\n**bold**", formats: [.html, .txt])
        let html = try #require(letters.first { $0.format == .html }).text
        #expect(!html.contains("<h1>Pwned"))
        #expect(!html.contains("<strong>bold</strong>"))
        #expect(html.contains("Host # Pwned - item **bold**"))
        let text = try #require(letters.first { $0.format == .txt }).text
        #expect(!text.split(separator: "\n").contains("# Pwned"))
    }

    @Test func leadingDashInAValueDoesNotBecomeAListItem() throws {
        var caseFile = LetterFixtures.fullCase()
        caseFile.particulars.facts = "- not a list"
        let planned = GoldenScenario.all[0].plannedTarget()
        let letters = try LetterComposer(library: try LetterFixtures.library()).compose(
            caseFile: caseFile,
            targets: [planned],
            options: LetterOptions(formats: [.html], date: LetterFixtures.date)
        ).letters
        let html = try #require(letters.first).text
        #expect(html.contains("<p>- not a list</p>"))
    }
}
