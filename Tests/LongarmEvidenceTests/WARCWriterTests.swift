import Foundation
import LongarmCore
import LongarmEvidence
import Testing

@Suite struct WARCWriterTests {
    static let certificate = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n"

    private func recordedCapture(_ scratch: borrowing Scratch) async throws -> EvidenceCapture {
        let web = FakeFetcher([
            "http://site.example/v": FakeFetcher.redirect(to: "https://site.example/video"),
            "https://site.example/video": FakeFetcher.Page(
                headers: [HTTPHeader("Content-Type", "text/html"), HTTPHeader("Transfer-Encoding", "chunked")],
                body: Data(repeating: 0x41, count: 3000),
                certificates: [Self.certificate]
            ),
        ])
        return try await captureAndRecord(
            "http://site.example/v",
            web: web,
            scratch: scratch,
            caseID: try scratch.newCase(),
            maxBody: 2048
        )
    }

    @Test func warcioChecksEveryDigestOfACapture() async throws {
        let scratch = try Scratch()
        let capture = try await recordedCapture(scratch)
        let warc = scratch.data.appendingPathComponent(capture.warcFile).path
        let check = try Tools.run(try Tools.warcio(), ["check", "-v", warc])
        #expect(check.status == 0, "warcio check failed: \(check.output)")
        // 1 warcinfo + 3 records per exchange, every one with a digest that passed.
        #expect(check.output.components(separatedBy: "digest pass").count - 1 == 7, "\(check.output)")
    }

    @Test func warcioIndexesRequestResponseAndMetadataRecords() async throws {
        let scratch = try Scratch()
        let capture = try await recordedCapture(scratch)
        let warc = scratch.data.appendingPathComponent(capture.warcFile).path
        let index = try Tools.run(
            try Tools.warcio(),
            ["index", "-f", "warc-type,warc-target-uri,warc-ip-address,http:status", warc]
        )
        #expect(index.status == 0, "\(index.output)")
        let lines = index.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        #expect(
            lines.map { $0["warc-type"] ?? "" } == [
                "warcinfo", "request", "response", "metadata", "request", "response", "metadata",
            ]
        )
        #expect(lines.filter { $0["warc-type"] == "response" }.map { $0["http:status"] ?? "" } == ["302", "200"])
        #expect(lines.filter { $0["warc-type"] == "response" }.allSatisfy { $0["warc-ip-address"] == "203.0.113.10" })
    }

    @Test func marksTruncatedBodyAndKeepsCertificateChainInMetadata() async throws {
        let scratch = try Scratch()
        let capture = try await recordedCapture(scratch)
        let data = try Data(contentsOf: scratch.data.appendingPathComponent(capture.warcFile))
        let records = try WARCReader.records(in: data, name: "capture.warc")
        let responses = records.filter { $0.field("WARC-Type") == "response" }
        #expect(responses.map { $0.field("WARC-Truncated") } == [nil, "length"])
        #expect(responses[1].payload.count == 2048)
        #expect(
            responses[1].field("WARC-Payload-Digest") == EvidenceDigest.warcLabel(Data(repeating: 0x41, count: 2048))
        )
        let head = String(decoding: responses[1].block.prefix(200), as: UTF8.self)
        #expect(head.contains("X-Longarm-Orig-Transfer-Encoding: chunked"))
        let metadata = records.filter { $0.field("WARC-Type") == "metadata" }
        #expect(metadata.map { $0.field("WARC-Concurrent-To") } == responses.map { $0.field("WARC-Record-ID") })
        let facts = try JSONSerialization.jsonObject(with: metadata[1].block) as? [String: Any]
        #expect(facts?["certificateChain"] as? [String] == [Self.certificate])
        #expect(facts?["tlsVerified"] as? Bool == true)
        #expect(facts?["method"] as? String == "static capture, no script execution")
        let info = String(decoding: records[0].block, as: UTF8.self)
        #expect(info.contains("software: longarm/test") && info.contains("static capture, no script execution"))
    }

    @Test func everyRecordEndsWithTwoCRLFAndCarriesItsFields() async throws {
        let scratch = try Scratch()
        let capture = try await recordedCapture(scratch)
        let data = try Data(contentsOf: scratch.data.appendingPathComponent(capture.warcFile))
        let records = try WARCReader.records(in: data, name: "capture.warc")
        #expect(records.count == 7)
        for record in records {
            #expect(record.field("WARC-Record-ID")?.hasPrefix("<urn:uuid:") == true)
            #expect(record.field("WARC-Date") == "2026-09-21T14:13:20.000Z")
            #expect(record.field("Content-Length") == String(record.block.count))
        }
        #expect(capture.exchanges.map(\.warcRecordIDs.count) == [3, 3])
        #expect(capture.warcSHA256 == EvidenceDigest.hex(data))
    }
}
