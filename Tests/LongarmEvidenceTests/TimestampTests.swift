import Crypto
import Foundation
import LongarmCore
import LongarmEvidence
import LongarmStore
import Testing

@Suite struct TimestampTests {
    @Test func requestIsReadByOpenSSLAsVersion1SHA256WithNonceAndCertReq() throws {
        let scratch = try Scratch()
        let digest = Array(SHA256.hash(data: Data("manifest".utf8)))
        let request = TimeStampRequest(digest: digest, nonce: 0x0102_0304_0506_0708)
        let file = scratch.folder.appendingPathComponent("q.tsq")
        try request.derEncoded().write(to: file)
        let text = try Tools.run("openssl", ["ts", "-query", "-in", file.path, "-text"])
        #expect(text.status == 0, "\(text.output)")
        #expect(text.output.contains("Version: 1"))
        #expect(text.output.contains("Hash Algorithm: sha256"))
        #expect(text.output.contains("Nonce: 0x0102030405060708"))
        #expect(text.output.contains("Certificate required: yes"))
        let structure = try Tools.run("openssl", ["asn1parse", "-inform", "DER", "-in", file.path])
        let hex = digest.map { String(format: "%02X", $0) }.joined()
        #expect(structure.output.contains("OCTET STRING      [HEX DUMP]:\(hex)"), "\(structure.output)")
        #expect(structure.output.contains("OBJECT            :sha256"))
    }

    @Test func exportWithTSAWritesATokenThatOpenSSLVerifies() async throws {
        let scratch = try Scratch()
        let tsa = try OpenSSLTSA(in: scratch.folder)
        let caseID = try scratch.newCase()
        _ = try await captureAndRecord(
            "http://a.example/",
            web: FakeFetcher(["http://a.example/": FakeFetcher.html("page")]),
            scratch: scratch,
            caseID: caseID
        )
        let out = scratch.folder.appendingPathComponent("bundle")
        let result = try await BundleExporter(
            store: scratch.store,
            dataDirectory: scratch.data,
            toolVersion: "longarm/test",
            actor: "test",
            timestamper: (TimestampClient(fetcher: OpenSSLTSAFetcher(tsa: tsa)), "http://127.0.0.1:1/tsa")
        ).export(caseID: caseID, to: out)
        #expect(result.timestamped)
        let token = out.appendingPathComponent("manifest.tsr")
        let verified = try tsa.verify(data: out.appendingPathComponent("manifest.json"), token: token)
        #expect(verified.status == 0 && verified.output.contains("Verification: OK"), "\(verified.output)")
        let parsed = try TimeStampResponse(derEncoded: Data(contentsOf: token))
        #expect(parsed.granted && parsed.hashAlgorithm == "2.16.840.1.101.3.4.2.1")
        #expect(parsed.policy == "1.3.6.1.4.1.99999.1")
        #expect(try BundleVerifier().verify(out).ok)
        #expect(try scratch.store.timestamps(caseID: caseID).map(\.digest) == [result.manifestSHA256])

        // A changed manifest no longer matches its token, for Longarm and for openssl alike.
        let manifest = out.appendingPathComponent("manifest.json")
        var bytes = try Data(contentsOf: manifest)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: manifest)
        let report = try BundleVerifier().verify(out)
        #expect(report.problems.contains { $0.location == "manifest.tsr" && $0.what.contains("different digest") })
        #expect(try tsa.verify(data: manifest, token: token).status != 0)
    }

    @Test func captureTimestampCoversTheWARCFileAndTravelsInTheBundle() async throws {
        let scratch = try Scratch()
        let tsa = try OpenSSLTSA(in: scratch.folder)
        let caseID = try scratch.newCase()
        let capture = try await captureAndRecord(
            "http://a.example/",
            web: FakeFetcher(["http://a.example/": FakeFetcher.html("page")]),
            scratch: scratch,
            caseID: caseID
        )
        let recorder = EvidenceRecorder(store: scratch.store, dataDirectory: scratch.data, actor: "test")
        let stamp = try await recorder.timestampWARC(
            of: capture,
            client: TimestampClient(fetcher: OpenSSLTSAFetcher(tsa: tsa)),
            tsaURL: "http://127.0.0.1:1/tsa"
        )
        let token = scratch.folder.appendingPathComponent("warc.tsr")
        try stamp.response.write(to: token)
        let verified = try tsa.verify(data: scratch.data.appendingPathComponent(capture.warcFile), token: token)
        #expect(verified.status == 0, "\(verified.output)")
        #expect(try CaseVerifier(store: scratch.store, dataDirectory: scratch.data).verify(caseID: caseID).ok)
        #expect(try scratch.store.custodyLog().last?.entry.action == "timestamp")

        let out = scratch.folder.appendingPathComponent("bundle")
        _ = try await BundleExporter(store: scratch.store, dataDirectory: scratch.data, toolVersion: "t", actor: "t")
            .export(caseID: caseID, to: out)
        let manifest = try BundleManifest.decode(Data(contentsOf: out.appendingPathComponent("manifest.json")))
        let listed = try #require(manifest.timestamps.first)
        #expect(listed.subject == "warc:" + manifest.captures[0].warcFile)
        let bundled = try tsa.verify(
            data: out.appendingPathComponent(manifest.captures[0].warcFile),
            token: out.appendingPathComponent(listed.path)
        )
        #expect(bundled.status == 0, "\(bundled.output)")
        #expect(try BundleVerifier().verify(out).ok)
    }

    @Test func clientRejectsATokenOverAnotherDigest() async throws {
        let scratch = try Scratch()
        let tsa = try OpenSSLTSA(in: scratch.folder)
        /// Answers every query with a genuine token, but for a different digest.
        struct SwappingFetcher: HTTPFetching {
            let inner: OpenSSLTSAFetcher
            func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
                var swapped = request
                swapped.body = try TimeStampRequest(digest: Array(repeating: 7, count: 32)).derEncoded()
                return try await inner.fetch(swapped)
            }
        }
        let client = TimestampClient(fetcher: SwappingFetcher(inner: OpenSSLTSAFetcher(tsa: tsa)))
        await #expect(throws: EvidenceError.self) {
            try await client.timestamp(digestHex: String(repeating: "ab", count: 32), tsaURL: "http://127.0.0.1:1/")
        }
    }
}

@Suite struct TimestampTamperTests {
    @Test func caseVerificationCatchesATimestampRecordThatNoLongerMatchesItsWARC() async throws {
        let scratch = try Scratch()
        let tsa = try OpenSSLTSA(in: scratch.folder)
        let caseID = try scratch.newCase()
        let capture = try await captureAndRecord(
            "http://a.example/",
            web: FakeFetcher(["http://a.example/": FakeFetcher.html("page")]),
            scratch: scratch,
            caseID: caseID
        )
        try await EvidenceRecorder(store: scratch.store, dataDirectory: scratch.data, actor: "test").timestampWARC(
            of: capture,
            client: TimestampClient(fetcher: OpenSSLTSAFetcher(tsa: tsa)),
            tsaURL: "http://127.0.0.1:1/tsa"
        )
        let zeros = String(repeating: "0", count: 64)
        try scratch.store.tamperForTests(
            sql:
                "UPDATE evidence_capture SET json = CAST(json_set(CAST(json AS TEXT), '$.warcSHA256', '\(zeros)') AS BLOB)"
        )
        #expect(try scratch.store.capture(id: capture.id ?? 0)?.warcSHA256 == zeros)
        let report = try CaseVerifier(store: scratch.store, dataDirectory: scratch.data).verify(caseID: caseID)
        #expect(report.firstBrokenLink?.location == "capture \(capture.id ?? 0)")
        #expect(report.problems.contains { $0.what == "time-stamped digest differs from the capture's WARC digest" })
    }
}
