import Foundation
import LongarmCore
import LongarmEvidence
import Testing

@Suite struct GzipWARCTests {
    private func gzipCapture(_ scratch: borrowing Scratch) async throws -> (EvidenceCapture, URL) {
        let web = FakeFetcher([
            "http://site.example/": FakeFetcher.redirect(to: "/page"),
            "http://site.example/page": FakeFetcher.Page(
                body: Data(String(repeating: "repetitive html ", count: 4000).utf8)
            ),
        ])
        let capture = try await captureAndRecord(
            "http://site.example/",
            web: web,
            scratch: scratch,
            caseID: try scratch.newCase(),
            gzip: true
        )
        return (capture, scratch.data.appendingPathComponent(capture.warcFile))
    }

    @Test func writesOneGzipMemberPerRecordThatWarcioChecksAndIndexes() async throws {
        let scratch = try Scratch()
        let (capture, file) = try await gzipCapture(scratch)
        #expect(capture.warcFile.hasSuffix(".warc.gz"))
        let data = try Data(contentsOf: file)
        #expect(data.starts(with: [0x1F, 0x8B]))
        #expect(data.count < 64_000 / 4, "compressed to \(data.count) bytes")
        let check = try Tools.run(try Tools.warcio(), ["check", "-v", file.path])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.components(separatedBy: "digest pass").count - 1 == 7, "\(check.output)")
        // warcio's offsets are the gzip members' offsets; ours must agree record by record.
        let index = try Tools.run(try Tools.warcio(), ["index", "-f", "offset,warc-record-id", file.path])
        let warcio = index.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        let ours = try WARCReader.records(in: data, name: "f")
        #expect(warcio.map { $0["offset"] ?? "" } == ours.map { String($0.offset) })
        #expect(warcio.map { $0["warc-record-id"] ?? "" } == ours.map { $0.field("WARC-Record-ID") ?? "" })
        #expect(Set(ours.map(\.offset)).count == 7)
    }

    @Test func verificationReadsGzipWARCsAndCatchesAFlippedByte() async throws {
        let scratch = try Scratch()
        let (capture, file) = try await gzipCapture(scratch)
        let verifier = CaseVerifier(store: scratch.store, dataDirectory: scratch.data)
        let before = try verifier.verify(caseID: capture.caseID)
        #expect(before.ok, "\(before.problems)")
        var data = try Data(contentsOf: file)
        data[data.count - 30] ^= 0x01
        try data.write(to: file)
        let report = try verifier.verify(caseID: capture.caseID)
        #expect(report.firstBrokenLink?.location == capture.warcFile)
        #expect(report.firstBrokenLink?.what == "WARC file changed since capture")
    }
}
