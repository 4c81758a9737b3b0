import Foundation
import LongarmCore
import LongarmEvidence
import Testing

/// Captures from the loopback web server in Tests/Internet/web.py through the real HTTP client.
@Suite
struct CaptureIntegrationTests {
    private func capture(
        _ url: String,
        scratch: borrowing Scratch,
        caFile: String? = nil,
        maxBody: Int = 50_000_000
    )
        async throws -> EvidenceCapture
    {
        let fetcher = try #require(IntegrationFetcher.make(caFile: caFile))
        let capturer = EvidenceCapturer(
            fetcher: fetcher,
            configuration: CaptureConfiguration(
                maxBodyBytes: maxBody,
                toolVersion: "longarm/test",
                allowPrivateTargets: true
            )
        )
        let page = try await capturer.capture(url: url)
        return try await EvidenceRecorder(store: scratch.store, dataDirectory: scratch.data, actor: "test")
            .record(page, caseID: try scratch.newCase(), targetID: nil)
    }

    @Test func capturesARedirectChainOverPlainHTTP() async throws {
        let server = try LocalServer(script: "web.py")
        let scratch = try Scratch()
        let capture = try await capture("\(server.baseURL)/redirect", scratch: scratch)
        #expect(capture.exchanges.map(\.status) == [302, 301, 200])
        #expect(capture.finalURL == "\(server.baseURL)/page")
        #expect(capture.exchanges.allSatisfy { $0.primaryIP == "127.0.0.1" && $0.primaryPort != nil })
        let check = try Tools.run(
            try Tools.warcio(),
            ["check", scratch.data.appendingPathComponent(capture.warcFile).path]
        )
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func marksAnOversizedBodyTruncated() async throws {
        let server = try LocalServer(script: "web.py")
        let scratch = try Scratch()
        let capture = try await capture("\(server.baseURL)/big?bytes=300000", scratch: scratch, maxBody: 100_000)
        #expect(capture.exchanges[0].bodyTruncated && capture.exchanges[0].bodySize == 100_000)
        let check = try Tools.run(
            try Tools.warcio(),
            ["check", scratch.data.appendingPathComponent(capture.warcFile).path]
        )
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func capturesOverHTTPSWithTheCertificateChain() async throws {
        let scratch = try Scratch()
        let certs = scratch.folder.appendingPathComponent("web-tls")
        let script = Tools.packageRoot.appendingPathComponent("Tests/Internet/make-web-cert.sh").path
        try #require(try Tools.run("bash", [script, certs.path]).status == 0)
        let server = try LocalServer(
            script: "web.py",
            arguments: [
                "--tls-cert", certs.appendingPathComponent("server.pem").path, "--tls-key",
                certs.appendingPathComponent("server.key").path,
            ]
        )
        let capture = try await capture(
            "\(server.baseURL)/page",
            scratch: scratch,
            caFile: certs.appendingPathComponent("ca.pem").path
        )
        #expect(capture.exchanges[0].tlsVerified == true)
        #expect(capture.exchanges[0].certificateChain.first?.contains("BEGIN CERTIFICATE") == true)
    }

    @Test func timestampsThroughTheLoopbackTSA() async throws {
        let scratch = try Scratch()
        let tsa = try OpenSSLTSA(in: scratch.folder)
        let server = try LocalServer(script: "tsa.py", arguments: [tsa.folder.path])
        let fetcher = try #require(IntegrationFetcher.make(caFile: nil))
        let digest = EvidenceDigest.hex(Data("manifest".utf8))
        let token = try await TimestampClient(fetcher: fetcher).timestamp(
            digestHex: digest,
            tsaURL: "\(server.baseURL)/"
        )
        #expect(try TimeStampResponse(derEncoded: token).granted)
    }
}
