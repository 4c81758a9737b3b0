import Foundation
import LongarmCore
import LongarmRules
import LongarmStore
import Testing

/// The hand-written plan JSON is byte for byte what `JSONEncoder` (sorted keys, ISO 8601 dates) writes.
struct PlanJSONTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func expectSameBytes(_ plan: NoticePlan, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try encoder().encode(plan)
        let written = LongarmStore.planJSON(plan)
        #expect(
            written == expected,
            "\(String(decoding: written, as: UTF8.self))\n!=\n\(String(decoding: expected, as: UTF8.self))",
            sourceLocation: sourceLocation
        )
    }

    @Test func plansOfEveryJurisdictionKindAndShapeMatchJSONEncoder() throws {
        let profiles = PlanBenchmark.profiles(count: 600, book: WorkflowFixtures.book)
        for (index, profile) in profiles.enumerated() {
            try Self.expectSameBytes(WorkflowFixtures.planner.plan(profile, context: PlanBenchmark.context(index)))
        }
    }

    @Test func thePlannersSampleProfilesMatchJSONEncoder() throws {
        let folder = WorkflowFixtures.root.appendingPathComponent("Tests/LongarmRulesTests/Fixtures/profiles")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        for file in files {
            let profile = try decoder.decode(
                HostingProfile.self,
                from: Data(contentsOf: folder.appendingPathComponent(file))
            )
            for kind in InfringementKind.allCases {
                let context = PlanningContext(kind: kind, holder: "Li Wei", holderCountry: CountryCode(lenient: "CN"))
                try Self.expectSameBytes(WorkflowFixtures.planner.plan(profile, context: context))
            }
        }
    }

    @Test func escapesAbsentFieldsAndFractionalDatesMatchJSONEncoder() throws {
        let odd =
            "quote \" backslash \\ slash / tab \t nl \n cr \r bs \u{8} ff \u{c} nul \u{0} us \u{1f} del \u{7f} "
            + "李伟 é 😀 \u{2028}"
        let rung = NoticeRung(
            step: 12,
            role: .searchEngine,
            party: NoticeParty(name: odd, identifiedBy: "x", abuseEmail: nil),
            channel: NoticeChannel(kind: .post, address: nil, notes: [odd, ""], confidence: .uncertain),
            country: nil,
            regime: nil,
            legalBasis: [LegalBasis(instrument: odd, article: "Art. 1", note: nil, confidence: .verified, origin: nil)],
            requiredElements: [],
            deadline: NoticeDeadline(duration: "P2D", text: odd, confidence: .known),
            escalation: "",
            languages: [],
            rationale: [odd],
            parallel: true
        )
        let plan = NoticePlan(
            url: "https://例え.jp/a?b=\"c\"",
            kind: .trademark,
            lawCountry: nil,
            lawSource: .none,
            regime: nil,
            rungs: [rung, rung],
            missingFromHolder: [
                HolderRequirement(element: NoticeElement("seal"), jurisdiction: "JP", reason: odd, confidence: .known)
            ],
            fastLanes: [odd],
            warnings: [],
            profileResolvedAt: Date(timeIntervalSince1970: 1_795_000_000.987)
        )
        try Self.expectSameBytes(plan)
    }
}
