import Foundation
import LongarmCore
import LongarmLetters
import Testing

/// `.eml` letters parsed back by Python's `email` package, a real MIME parser.
struct EMLParsingTests {
    static let script = """
        import email, email.policy, json, sys
        msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
        parts = [{'type': p.get_content_type(), 'charset': p.get_content_charset(),
                  'filename': p.get_filename(),
                  'text': p.get_content() if p.get_content_maintype() == 'text' else None}
                 for p in msg.walk() if not p.is_multipart()]
        print(json.dumps({'subject': str(msg['subject']), 'to': str(msg['to'] or ''), 'from': str(msg['from'] or ''),
                          'date': str(msg['date'] or ''), 'messageID': str(msg['message-id'] or ''),
                          'type': msg.get_content_type(), 'keys': list(msg.keys()),
                          'defects': len(msg.defects), 'parts': parts}))
        """

    struct Parsed: Decodable {
        struct Part: Decodable {
            var type: String
            var charset: String?
            var filename: String?
            var text: String?
        }

        var subject: String
        var to: String
        var from: String
        var date: String
        var messageID: String
        var type: String
        var keys: [String]
        var defects: Int
        var parts: [Part]
    }

    static func parse(_ data: Data) throws -> Parsed {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-\(UUID().uuidString).eml")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode(Parsed.self, from: output)
    }

    static func eml(
        _ scenario: GoldenScenario,
        evidence: Bool,
        party: String? = nil,
        address: String? = nil
    ) throws
        -> Letter
    {
        var planned = scenario.plannedTarget()
        if let party { planned.plan.rungs[0].party.name = party }
        if let address { planned.plan.rungs[0].channel.address = address }
        let batch = try LetterComposer(library: try LetterFixtures.library()).compose(
            caseFile: LetterFixtures.fullCase(kind: scenario.kind),
            targets: [planned],
            evidence: evidence ? [1: LetterFixtures.evidence] : [:],
            options: LetterOptions(formats: [.eml], date: LetterFixtures.date)
        )
        return try #require(batch.letters.first)
    }

    @Test func englishLetterParsesWithAlternativePartsAndAttachedManifest() throws {
        let letter = try Self.eml(GoldenScenario.all[0], evidence: true)
        let parsed = try Self.parse(letter.content)
        #expect(parsed.defects == 0)
        #expect(parsed.subject == "Notice of infringing content: the film \"Lantern Over the River\" (2025)")
        #expect(parsed.to == "abuse@hosting.example")
        #expect(parsed.from == "Li Wei <li.wei@lantern.example>")
        #expect(parsed.date == "Wed, 18 Nov 2026 11:06:40 +0000")
        #expect(parsed.messageID.hasSuffix("@longarm.invalid>"))
        #expect(parsed.type == "multipart/mixed")
        #expect(parsed.parts.map(\.type) == ["text/plain", "text/html", "application/json"])
        #expect(parsed.parts[0].charset == "utf-8")
        #expect(parsed.parts[1].charset == "utf-8")
        #expect(parsed.parts[2].filename == "manifest.json")
        #expect(parsed.parts[0].text?.contains("under penalty of perjury") == true)
        #expect(parsed.parts[1].text?.contains("<h1>Notice of infringing material</h1>") == true)
    }

    @Test(arguments: ["zh-Hans", "ja", "ru", "th"])
    func localLanguageSubjectDecodesFromEncodedWords(_ language: String) throws {
        let scenario = try #require(GoldenScenario.all.first { $0.languages.first == language })
        let letter = try Self.eml(scenario, evidence: scenario.withEvidence)
        let raw = letter.text
        #expect(raw.contains("Subject: =?UTF-8?B?"))
        let parsed = try Self.parse(letter.content)
        let phrases = try #require(try LetterFixtures.library().phrasebooks[language])
        let expected = phrases.subject.replacingOccurrences(
            of: "{work}",
            with: "the film \"Lantern Over the River\" (2025)"
        )
        #expect(parsed.subject.hasPrefix(expected))
        #expect(parsed.type == (scenario.withEvidence ? "multipart/mixed" : "multipart/alternative"))
        #expect(parsed.parts.filter { $0.type.hasPrefix("text/") }.allSatisfy { $0.charset == "utf-8" })
        #expect(parsed.parts[0].text?.contains(phrases.headings.statements) == true)
    }

    @Test func headerValuesFromDataCannotInjectHeaders() throws {
        let letter = try Self.eml(
            GoldenScenario.all[0],
            evidence: false,
            party: "Evil\r\nBcc: victim@example.org",
            address: "abuse@hosting.example\r\nBcc: victim@example.org\nX-Injected: 1"
        )
        let parsed = try Self.parse(letter.content)
        #expect(!parsed.keys.contains { $0.lowercased() == "bcc" || $0.lowercased() == "x-injected" })
        #expect(!parsed.to.contains("\n"))
        #expect(parsed.defects == 0 || parsed.to.hasPrefix("abuse@hosting.example"))
    }
}
