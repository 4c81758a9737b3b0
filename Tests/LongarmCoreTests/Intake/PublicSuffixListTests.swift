import Foundation
import Testing

@testable import LongarmCore

/// The list's own test cases (`test_psl.txt`, shipped with the PyPI package `publicsuffixlist`), every one of them.
@Suite struct PublicSuffixListTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let line: Int
        let input: String?
        let expected: String?
        var testDescription: String { "line \(line): \(input ?? "null") → \(expected ?? "null")" }
    }

    static let list: PublicSuffixList = {
        let file = RepositoryPaths.data.appendingPathComponent("psl/public_suffix_list.dat")
        return try! PublicSuffixList(contentsOf: file)
    }()

    /// Every `checkPublicSuffix(…)` line that is not commented out.
    static let cases: [Case] = {
        let url = Bundle.module.url(forResource: "Fixtures/test_psl.txt", withExtension: nil)!
        let text = try! String(contentsOf: url, encoding: .utf8)
        var cases: [Case] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("checkPublicSuffix(") else { continue }
            let arguments = trimmed.dropFirst("checkPublicSuffix(".count).prefix(while: { $0 != ")" })
            let parts = arguments.components(separatedBy: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            func value(_ text: String) -> String? {
                text == "null" ? nil : String(text.dropFirst().dropLast())
            }
            cases.append(Case(line: index + 1, input: value(parts[0]), expected: value(parts[1])))
        }
        return cases
    }()

    @Test func readsEveryCaseOfTheFile() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/test_psl.txt", withExtension: nil))
        let text = try String(contentsOf: url, encoding: .utf8)
        let active = text.components(separatedBy: "\n").filter { $0.hasPrefix("checkPublicSuffix(") }
        #expect(Self.cases.count == active.count)
        #expect(Self.cases.count >= 70)
        #expect(Self.cases.contains { $0.input == nil })
    }

    // Results come back in A-labels, so a Unicode expectation is compared in its A-label form. A `null` input has
    // no counterpart in a String API; the empty string stands in for it.
    @Test(arguments: cases)
    func matchesListTestCase(_ testCase: Case) throws {
        let expected = try testCase.expected.map { try IDNA.toASCII($0) }
        #expect(Self.list.registrableDomain(of: testCase.input ?? "") == expected)
    }

    @Test func loadsBothSections() {
        #expect(Self.list.ruleCount > 9000)
        #expect(Self.list.registrableDomain(of: "alice.github.io") == "alice.github.io")
        let icannOnly = PublicSuffixList(
            text: "com\n// ===BEGIN PRIVATE DOMAINS===\ngithub.io\n",
            includePrivateDomains: false
        )
        #expect(icannOnly.registrableDomain(of: "alice.github.io") == "github.io")
    }

    @Test func findsPublicSuffixOfUnicodeHost() {
        #expect(Self.list.publicSuffix(of: "www.食狮.公司.cn") == "xn--55qx5d.cn")
        #expect(Self.list.registrableDomain(of: "视频分享.com") == "xn--0lqq5fk74e2mm.com")
    }

    @Test func handlesWildcardAndExceptionRulesFromText() {
        let list = PublicSuffixList(text: "// comment\nck\n*.ck\n!www.ck\n")
        #expect(list.registrableDomain(of: "a.b.test.ck") == "b.test.ck")
        #expect(list.registrableDomain(of: "www.www.ck") == "www.ck")
        #expect(list.registrableDomain(of: "test.ck") == nil)
    }
}
