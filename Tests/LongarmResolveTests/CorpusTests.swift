import Foundation
import LongarmResolve
import Testing

/// The whole recorded corpus: every expected field of every sample must come out of the parsers.
@Suite struct CorpusTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let samples = (try? ParserCorpus.load(fixtures)) ?? []

    @Test(arguments: samples.map(\.name))
    func sampleYieldsEveryExpectedField(_ name: String) throws {
        let sample = try #require(Self.samples.first { $0.name == name })
        let checks = try ParserCorpus.check(sample)
        #expect(!checks.isEmpty)
        for check in checks {
            #expect(
                check.passed,
                "\(name) \(check.path): expected \(check.expected), got \(String(describing: check.actual))"
            )
        }
    }

    @Test func corpusIsLargeAndVariedEnough() {
        let whois = Self.samples.filter { $0.kind == .whois }
        let rdap = Self.samples.filter { $0.kind == .rdap }
        #expect(whois.count >= 60)
        #expect(rdap.count >= 20)
        let tlds = Set(
            whois.compactMap { $0.query?.split(separator: ".").last.map(String.init) }.filter { $0.count >= 2 }
        )
        #expect(tlds.count >= 25, "TLDs: \(tlds.sorted())")
        let perLayout = Dictionary(grouping: whois, by: { $0.layout ?? "" }).mapValues(\.count)
        for layout in [
            "jprs", "tci", "cnnic", "hkirc", "twnic", "kisa", "denic", "nominet", "afnic", "sidn", "eurid",
            "registrobr", "auda",
        ] {
            #expect(perLayout[layout, default: 0] >= 3, "layout \(layout) has \(perLayout[layout, default: 0]) samples")
        }
    }

    @Test func accuracyOverTheCorpusIsComplete() throws {
        let checks = try ParserCorpus.checkAll(Self.fixtures)
        let failed = checks.filter { !$0.passed }
        #expect(checks.count > 700)
        #expect(failed.isEmpty, "\(failed.count) of \(checks.count) fields wrong: \(failed.prefix(5).map(\.path))")
    }
}

/// Answers cut off mid-stream (a server that closes early, a byte limit) must never crash the parsers.
@Suite struct TruncatedAnswerTests {
    @Test(arguments: CorpusTests.samples.map(\.name))
    func truncatedAnswersParseOrFailCleanly(_ name: String) throws {
        let sample = try #require(CorpusTests.samples.first { $0.name == name })
        let data = try Data(contentsOf: sample.file)
        // Stop short of the end: the last bytes of a JSON file are a newline and the closing brace.
        for length in stride(from: 1, to: data.count - 2, by: max(1, data.count / 23)) {
            let prefix = data.prefix(length)
            switch sample.kind {
            case .whois:
                if let record = try? WHOISParser().parse(prefix, query: sample.query, server: sample.server).record {
                    #expect(!(record.found && record.throttled))
                }
            case .rdap:
                #expect(throws: RDAPError.self) { try RDAPParser().parse(prefix) }
            }
        }
    }
}
