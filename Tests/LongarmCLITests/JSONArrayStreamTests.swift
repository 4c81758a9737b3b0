import Foundation
import LongarmCore
import Synchronization
import Testing

@testable import LongarmCLI

/// `plan CASE --json` prints its array a batch at a time; the bytes must be those of encoding the whole array.
@Suite struct JSONArrayStreamTests {
    static func entry(_ index: Int) -> CasePlanEntry {
        let rung = NoticeRung(
            step: 1,
            role: .originHost,
            party: NoticeParty(name: "Host \"\(index)\"", identifiedBy: "rdap https://rdap.example/ip/"),
            channel: NoticeChannel(kind: .unknown, address: nil, confidence: .uncertain),
            country: CountryCode(lenient: "NL"),
            regime: index.isMultiple(of: 2) ? "knowledge-based" : nil,
            legalBasis: [],
            requiredElements: index.isMultiple(of: 2) ? [NoticeElement("contact"), NoticeElement("signature")] : [],
            deadline: nil,
            escalation: "after 7 days",
            languages: ["nl", "en"],
            rationale: ["a/b: \(index)", "ü\tline"],
            parallel: index.isMultiple(of: 3)
        )
        let plan = NoticePlan(
            url: "https://site\(index).example/v/\(index)?q=1",
            kind: .copyright,
            lawCountry: CountryCode(lenient: "NL"),
            lawSource: .originHost,
            regime: "knowledge-based",
            rungs: Array(repeating: rung, count: index % 3),
            missingFromHolder: [],
            fastLanes: [],
            warnings: index.isMultiple(of: 2) ? [] : ["warning \(index)"],
            profileResolvedAt: Date(timeIntervalSince1970: 1_780_000_000 + Double(index))
        )
        return CasePlanEntry(targetId: Int64(index), profileId: Int64(100 + index), plan: plan)
    }

    /// The stream's bytes for `entries` appended in batches of `batch`.
    static func streamed(_ entries: [CasePlanEntry], batch: Int) throws -> Data {
        let bytes = Mutex(Data())
        let stream = JSONArrayStream { chunk in bytes.withLock { $0.append(chunk) } }
        for start in stride(from: 0, to: entries.count, by: batch) {
            try stream.append(contentsOf: Array(entries[start..<min(start + batch, entries.count)]))
        }
        stream.close()
        stream.close()
        return bytes.withLock { $0 }
    }

    @Test(arguments: [0, 1, 2, 7])
    func batchesPrintTheBytesOfTheWholeArray(count: Int) throws {
        let entries = (0..<count).map(Self.entry)
        var whole = try JSONOutput.encoder.encode(entries)
        whole.append(0x0A)
        for batch in [1, 3, 10] {
            let streamed = try Self.streamed(entries, batch: batch)
            #expect(
                streamed == whole,
                "batch \(batch):\n\(String(decoding: streamed, as: UTF8.self))\n---\n\(String(decoding: whole, as: UTF8.self))"
            )
        }
    }
}
