import Foundation
import LongarmCore
import LongarmRules
import Testing

/// Plans each sample profile and compares the JSON with `Fixtures/golden/<name>.plan.json`.
///
/// Set `LONGARM_REGENERATE_GOLDEN=1` to rewrite the golden files in the source tree instead of comparing.
@Suite struct GoldenPlanTests {
    struct Context: Decodable {
        var kind: InfringementKind
        var holderCountry: CountryCode?
        var ownsWork: Bool?
    }

    static let names = [
        "hetzner-de", "cloudflare-hidden", "whois-only-pa", "unknown-country-kz", "no-country", "sakura-jp", "ovh-sg",
        "youtube",
    ]

    static let sourceGolden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")

    @Test(arguments: names)
    func planMatchesGolden(_ name: String) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let profileURL = TestData.fixtures.appendingPathComponent("profiles/\(name).json")
        let profile = try decoder.decode(HostingProfile.self, from: Data(contentsOf: profileURL))
        let contexts = try decoder.decode(
            [String: Context].self,
            from: Data(contentsOf: TestData.fixtures.appendingPathComponent("contexts.json"))
        )
        let context = try #require(contexts[name])
        let plan = NoticePlanner(book: TestData.book).plan(
            profile,
            context: PlanningContext(
                kind: context.kind,
                holder: "Li Wei",
                holderCountry: context.holderCountry,
                ownsWork: context.ownsWork
            )
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var actual = try encoder.encode(plan)
        actual.append(0x0A)
        if ProcessInfo.processInfo.environment["LONGARM_REGENERATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.sourceGolden, withIntermediateDirectories: true)
            try actual.write(to: Self.sourceGolden.appendingPathComponent("\(name).plan.json"))
            return
        }
        // Read from the source tree, where regeneration writes, so no rebuild is needed between the two.
        let goldenURL = Self.sourceGolden.appendingPathComponent("\(name).plan.json")
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        let text = String(decoding: actual, as: UTF8.self)
        #expect(
            text == golden,
            "plan for \(name) differs from golden/\(name).plan.json; regenerate with LONGARM_REGENERATE_GOLDEN=1 if intended"
        )
    }
}
