import Foundation
import LongarmCore
import LongarmNet
import LongarmTestSupport
import Testing

/// Against serve.py's HTTP and HTTPS servers, reached through connect-to rules.
@Suite struct CurlHTTPClientTests {
    static func client(
        caFile: Bool = true,
        mutate: (inout NetConfiguration) -> Void = { _ in }
    ) async throws
        -> (CurlHTTPClient, LocalInternet)
    {
        let internet = try await LocalInternet.shared()
        var configuration = try internet.configuration(version: "7.7.7")
        if !caFile { configuration.caFile = nil }
        mutate(&configuration)
        return (CurlHTTPClient(configuration: configuration), internet)
    }

    @Test func fetchesPageThroughConnectToWithHeadsAndPeer() async throws {
        let (client, internet) = try await Self.client()
        let exchange = try await client.fetch(HTTPRequest(url: "http://www.faceswap-clips.com/watch/8f3k2"))
        #expect(exchange.status == 200)
        #expect(String(decoding: exchange.body, as: UTF8.self).contains("Li Wei - leaked face swap"))
        #expect(exchange.header("cf-ray") == "8e1f2a3b4c5d6e7f-SIN")
        #expect(exchange.header("Server") == "cloudflare")
        #expect(exchange.primaryIP == "127.0.0.1")
        #expect(exchange.primaryPort == internet.httpPort)
        #expect(exchange.httpVersion == "HTTP/1.1")
        #expect(exchange.tlsVerified == nil)
        #expect(!exchange.bodyTruncated)
        let requestHead = try #require(exchange.rawRequestHead)
        #expect(requestHead.hasPrefix("GET /watch/8f3k2 HTTP/1.1\r\n"))
        #expect(requestHead.contains("Host: www.faceswap-clips.com\r\n"))
        #expect(requestHead.contains("User-Agent: Longarm/7.7.7\r\n"))
        let responseHead = try #require(exchange.rawResponseHead)
        #expect(responseHead.hasPrefix("HTTP/1.1 200 OK\r\n") && responseHead.hasSuffix("\r\n\r\n"))
        #expect(exchange.totalSeconds > 0)
    }

    @Test func returnsAnyStatusWithRepeatedHeadersInOrder() async throws {
        let (client, _) = try await Self.client()
        let exchange = try await client.fetch(HTTPRequest(url: "http://fixtures.longarm.test/status/418"))
        #expect(exchange.status == 418)
        #expect(exchange.headers.filter { $0.name == "X-Fixture" }.map(\.value) == ["teapot", "second value"])
        #expect(exchange.body == Data("short and stout\n".utf8))
    }

    @Test func neverFollowsRedirects() async throws {
        let (client, _) = try await Self.client()
        let exchange = try await client.fetch(HTTPRequest(url: "http://fixtures.longarm.test/redirect"))
        #expect(exchange.status == 301)
        #expect(exchange.header("location") == "https://fixtures.longarm.test/hello.txt")
    }

    @Test func cutsBodyAtLimitAndMarksTruncation() async throws {
        let (client, _) = try await Self.client()
        let exchange = try await client.fetch(
            HTTPRequest(url: "http://fixtures.longarm.test/big", maxBodyBytes: 100_000)
        )
        #expect(exchange.status == 200)
        #expect(exchange.bodyTruncated)
        #expect(exchange.body.count == 100_000)
        #expect(exchange.body.prefix(12) == Data("012345678901".utf8))
    }

    @Test func timesOutOnServerThatNeverAnswers() async throws {
        let (client, _) = try await Self.client()
        let started = ContinuousClock.now
        await #expect {
            try await client.fetch(HTTPRequest(url: "http://fixtures.longarm.test/hang", timeout: .milliseconds(700)))
        } throws: { error in
            (error as? NetError)?.code == .timedOut && "\(error)".contains("fixtures.longarm.test/hang")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func verifiesTLSWithTestCAAndCapturesChain() async throws {
        let (client, internet) = try await Self.client()
        let request = HTTPRequest(
            url: "https://rdap.verisign.com/com/v1/domain/FACESWAP-CLIPS.COM",
            captureCertificates: true
        )
        let transfer = try await client.perform(request)
        let exchange = transfer.exchange
        #expect(exchange.status == 200)
        #expect(exchange.header("content-type") == "application/rdap+json")
        #expect(exchange.tlsVerified == true)
        #expect(exchange.primaryPort == internet.httpsPort)
        #expect(exchange.certificateChain.count == 2)
        #expect(exchange.certificateChain.allSatisfy { $0.hasPrefix("-----BEGIN CERTIFICATE-----") })
        let caPEM = try String(contentsOfFile: internet.caFile, encoding: .utf8)
        #expect(
            exchange.certificateChain.last?.trimmingCharacters(in: .whitespacesAndNewlines)
                == caPEM.trimmingCharacters(in: .whitespacesAndNewlines)
        )
        #expect(transfer.timings.tlsHandshake > 0)
        #expect(transfer.timings.total >= transfer.timings.firstByte)
    }

    @Test func failsVerificationWithoutCAButInsecureCaptureRecordsChain() async throws {
        let (client, _) = try await Self.client(caFile: false)
        let request = HTTPRequest(url: "https://videos.deepclip-host.net/v/20931", captureCertificates: true)
        await #expect {
            try await client.fetch(request)
        } throws: { error in
            (error as? NetError)?.code == .tlsVerificationFailed && "\(error)".contains("videos.deepclip-host.net")
        }
        let transfer = try await client.perform(request, insecureCapture: true)
        #expect(transfer.insecureCapture)
        #expect(transfer.exchange.status == 200)
        #expect(transfer.exchange.tlsVerified == false)
        #expect(transfer.exchange.certificateChain.count == 2)
    }

    @Test func postsBody() async throws {
        let (client, _) = try await Self.client()
        let body = Data((0..<3000).map { UInt8($0 % 251) })
        let exchange = try await client.fetch(
            HTTPRequest(
                url: "https://tsa.longarm.test/_echo",
                method: "POST",
                headers: [HTTPHeader("Content-Type", "application/timestamp-query")],
                body: body
            )
        )
        #expect(exchange.status == 200)
        #expect(exchange.header("X-Echo-Method") == "POST")
        #expect(exchange.header("Content-Type") == "application/timestamp-query")
        #expect(exchange.body == body)
    }

    @Test func refusesPrivateTargetWithoutConnectToButNotWithIt() async throws {
        let (guarded, internet) = try await Self.client { $0.connectTo = [] }
        await #expect {
            try await guarded.fetch(HTTPRequest(url: "http://127.0.0.1:\(internet.httpPort)/hello.txt"))
        } throws: { error in
            (error as? NetError)?.code == .privateAddressRefused && "\(error)".contains("127.0.0.1 (loopback)")
        }
        let (allowed, _) = try await Self.client {
            $0.connectTo = []
            $0.allowPrivateTargets = true
        }
        let direct = try await allowed.fetch(HTTPRequest(url: "http://127.0.0.1:\(internet.httpPort)/_echo"))
        #expect(direct.status == 200)
    }

    @Test func runsManyRequestsConcurrentlyAndServerCountsThem() async throws {
        let (client, internet) = try await Self.client()
        let marker = UUID().uuidString
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 {
                let scheme = index.isMultiple(of: 2) ? "http" : "https"
                group.addTask {
                    try await client.fetch(
                        HTTPRequest(url: "\(scheme)://fixtures.longarm.test/hello.txt?\(marker)-\(index)")
                    ).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 40))
        let logged = try internet.requests().filter { $0.path.contains(marker) }
        #expect(logged.count == 40)
        #expect(logged.filter { $0.server == "https" }.count == 20)
    }

    @Test func cancellationEndsTransfer() async throws {
        let (client, _) = try await Self.client()
        let task = Task {
            try await client.fetch(HTTPRequest(url: "http://fixtures.longarm.test/hang", timeout: .seconds(30)))
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let started = ContinuousClock.now
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
