import LongarmCore
import LongarmNet
import LongarmTestSupport
import Testing

/// Against nsd serving `Tests/Internet/zones` on a loopback port.
@Suite struct DNSClientTests {
    static func client() async throws -> DNSClient {
        let internet = try await LocalInternet.shared()
        return try DNSClient(configuration: try internet.configuration())
    }

    @Test func resolvesCNAMEChainToIPv4AndIPv6() async throws {
        let resolution = try await Self.client().resolveAddresses("WWW.faceswap-clips.com.")
        #expect(resolution.host == "www.faceswap-clips.com")
        #expect(resolution.cnameChain.map(\.data) == ["faceswap-clips.com.cdn.cloudflare.net"])
        #expect(resolution.canonicalName == "faceswap-clips.com.cdn.cloudflare.net")
        #expect(Set(resolution.a.map(\.data)) == ["104.21.48.12", "172.67.140.3"])
        #expect(resolution.aaaa.map(\.data) == ["2606:4700:3031::6815:300c"])
        #expect(resolution.rcode == 0)
    }

    @Test func resolvesIPv6OnlyHost() async throws {
        let resolution = try await Self.client().resolveAddresses("v6.clipmirror.org")
        #expect(resolution.a.isEmpty)
        #expect(resolution.aaaa.map(\.data) == ["2400:6180:0:d0::1f:5001"])
        #expect(resolution.addresses == [IPAddress("2400:6180:0:d0::1f:5001")!])
    }

    @Test func resolvesIDNByItsALabel() async throws {
        let resolution = try await Self.client().resolveAddresses("xn--0lqq5fk74e2mm.com")
        #expect(resolution.a.map(\.data) == ["47.74.12.80"])
    }

    @Test func followsChainOfEightButNotNine() async throws {
        let client = try await Self.client()
        let eight = try await client.resolveAddresses("ok1.broken-example.com")
        #expect(eight.cnameChain.count == 8)
        #expect(eight.a.map(\.data) == ["192.0.2.81"])
        await #expect {
            try await client.resolveAddresses("chain1.broken-example.com")
        } throws: { error in
            (error as? NetError)?.code == .cnameChainTooLong && "\(error)".contains("chain1.broken-example.com")
        }
    }

    @Test func detectsCNAMELoop() async throws {
        await #expect {
            try await Self.client().resolveAddresses("loop1.broken-example.com")
        } throws: { error in
            (error as? NetError)?.code == .cnameLoop
                && "\(error)".contains("loop1.broken-example.com → loop2.broken-example.com → loop1.broken-example.com")
        }
    }

    @Test func asksAgainForCNAMETargetInAnotherZone() async throws {
        let resolution = try await Self.client().resolveAddresses("outside.broken-example.com")
        #expect(resolution.cnameChain.map(\.data) == ["videos.deepclip-host.net"])
        #expect(resolution.a.map(\.data) == ["88.198.21.14"])
    }

    @Test func reportsNXDOMAINWithoutThrowing() async throws {
        let client = try await Self.client()
        let answer = try await client.query("missing.broken-example.com", type: .a)
        #expect(answer.rcode == 3)
        #expect(answer.records.isEmpty)
        let resolution = try await client.resolveAddresses("missing.broken-example.com")
        #expect(resolution.rcode == 3 && resolution.addresses.isEmpty)
    }

    @Test func readsCymruTXTAndNS() async throws {
        let client = try await Self.client()
        let origin = try await client.query("80.12.74.47.origin.asn.cymru.com", type: .txt)
        #expect(
            Set(origin.records.map(\.data)) == [
                "45102 | 47.74.0.0/18 | US | arin | 2016-01-05", "45102 | 47.74.0.0/15 | US | arin | 2016-01-05",
            ]
        )
        let name = try await client.query("AS24940.asn.cymru.com", type: .txt)
        #expect(name.records.first?.data == "24940 | DE | ripencc | 2002-06-03 | HETZNER-AS, DE")
        let ns = try await client.query("deepclip-host.net", type: .ns)
        #expect(Set(ns.records.map(\.data)).contains("helium.ns.hetzner.de"))
    }

    @Test func retriesOverTCPWhenUDPAnswerIsTruncated() async throws {
        let answer = try await Self.client().query("bigtxt.broken-example.com", type: .txt)
        #expect(answer.records.count == 8)
        #expect(answer.records.map(\.data).joined().utf8.count > 512)
    }

    @Test func manyQueriesInFlight() async throws {
        let client = try await Self.client()
        let names = ["videos.deepclip-host.net", "mirror.fakevid.ru", "xn--0lqq5fk74e2mm.com"]
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<150 {
                group.addTask { try await client.query(names[index % 3], type: .a).records.first?.data ?? "" }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(answers.count == 150)
        #expect(Set(answers) == ["88.198.21.14", "31.184.215.10", "47.74.12.80"])
    }

    @Test func timesOutWhenNoServerAnswers() async throws {
        // A UDP port with nothing behind it: the kernel refuses or nothing answers, never a DNS reply.
        var configuration = NetConfiguration(timeout: .milliseconds(300), dnsAttempts: 1)
        configuration.dnsServers = [SocketEndpoint(host: "127.0.0.1", port: 9)]
        let client = try DNSClient(configuration: configuration)
        await #expect(throws: NetError.self) { try await client.query("example.com", type: .a) }
    }
}
