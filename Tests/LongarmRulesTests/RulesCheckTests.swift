import Foundation
import LongarmCore
import LongarmRules
import Testing

@Suite struct RulesCheckTests {
    @Test func shippedDataPassesTheCheck() throws {
        let book = try RuleBook.load(from: TestData.shipped)
        let required = [
            "US", "CN", "HK", "TW", "SG", "JP", "KR", "DE", "NL", "FR", "GB", "IE", "SE", "CH", "LU", "LT", "FI", "BG",
            "RO", "RU", "UA", "MD", "TR", "IS", "CA", "AU", "IN", "BR", "VN", "MY", "TH", "ID", "PH", "PA", "SC", "EU",
        ]
        #expect(Set(book.jurisdictions.keys) == Set(required))
        #expect(book.providers.count >= 40)
        for code in required where code != "EU" {
            for kind in InfringementKind.allCases {
                let rule = try #require(book.rule(for: code, kind: kind), "\(code) lacks \(kind)")
                #expect(!rule.legalBasis.isEmpty, "\(code) \(kind) has no citation")
                #expect(!rule.elements.isEmpty, "\(code) \(kind) has no elements")
            }
        }
    }

    @Test func everyProviderHasAChannelAndACheckedDate() {
        for provider in TestData.book.providers {
            #expect(!provider.channels.isEmpty, "\(provider.id)")
            #expect(provider.checked.count == 10, "\(provider.id)")
        }
    }

    @Test func minimalFixtureIsValid() throws {
        let folder = try Self.dataSet(broken: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try RuleBook.load(from: folder)
        #expect(book.jurisdictions.keys.sorted() == ["DE", "EU", "JP"])
    }

    static let brokenCases = [
        "unknown-element", "unknown-country", "unknown-kind-and-regime", "rule-without-citation", "duplicates",
        "eu-override-of-missing-rule", "provider-without-channel", "wrong-type", "duplicate-key", "unknown-field",
    ]

    @Test(arguments: brokenCases)
    func brokenFilesGetOneLinePerProblem(_ name: String) throws {
        let folder = try Self.dataSet(broken: name)
        defer { try? FileManager.default.removeItem(at: folder) }
        let expectedURL = TestData.fixtures.appendingPathComponent("broken/\(name)/expected.txt")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        do {
            _ = try RuleBook.load(from: folder)
            Issue.record("\(name): expected the check to fail")
        } catch {
            let lines = error.issues.map(\.description)
            #expect(lines.sorted() == expected.sorted(), "\(name)")
        }
    }

    @Test func missingFolderIsReported() {
        #expect(throws: RulesError.self) {
            try RuleBook.load(from: URL(fileURLWithPath: "/nonexistent/longarm-data"))
        }
    }

    @Test func euMemberRuleIsMergedWithProvenance() throws {
        let rule = try #require(TestData.book.rule(for: "DE", kind: .portrait))
        let citations = rule.legalBasis.map(\.citation)
        #expect(citations.first == "Kunsturhebergesetz (KUG) §§ 22-23")
        #expect(citations.contains("Regulation (EU) 2022/2065 (Digital Services Act) Art. 16(1)-(6)"))
        #expect(rule.provenance["legalBasis"] == "DE+EU")
        #expect(rule.provenance["regime"] == "EU")
        #expect(rule.legalBasis.first?.origin == "DE")
        let finland = try #require(TestData.book.rule(for: "FI", kind: .copyright))
        #expect(finland.languages == ["fi", "en"])
        #expect(finland.provenance["legalBasis"] == "EU")
    }

    @Test func providerLookupByNameIdAndASN() throws {
        #expect(TestData.book.provider(matching: "AS24940")?.id == "hetzner")
        #expect(TestData.book.provider(matching: "13335")?.id == "cloudflare")
        #expect(TestData.book.provider(matching: "Cloudflare")?.id == "cloudflare")
        #expect(TestData.book.provider(matching: "no such host") == nil)
    }

    /// The minimal data set (shipped vocabulary and roles plus small test files), with a broken overlay applied.
    static func dataSet(broken: String?) throws -> URL {
        let folder = try TestData.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("jurisdictions"),
            withIntermediateDirectories: true
        )
        for name in ["elements.yaml", "roles.yaml"] {
            try FileManager.default.copyItem(
                at: TestData.shipped.appendingPathComponent("jurisdictions/\(name)"),
                to: folder.appendingPathComponent("jurisdictions/\(name)")
            )
        }
        try TestData.overlay(TestData.fixtures.appendingPathComponent("minimal"), onto: folder)
        if let broken {
            let overlay = TestData.fixtures.appendingPathComponent("broken/\(broken)")
            try TestData.overlay(overlay, onto: folder)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("expected.txt"))
        }
        return folder
    }
}
