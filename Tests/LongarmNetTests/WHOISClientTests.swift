import Foundation
import LongarmCore
import LongarmNet
import LongarmTestSupport
import Testing

/// Against serve.py's WHOIS servers (one port per fixture server, reached through connect-to rules).
@Suite struct WHOISClientTests {
    static func client(
        _ mutate: (inout NetConfiguration) -> Void = { _ in }
    ) async throws -> (WHOISClient, LocalInternet) {
        let internet = try await LocalInternet.shared()
        var configuration = try internet.configuration()
        mutate(&configuration)
        return (WHOISClient(configuration: configuration), internet)
    }

    @Test func returnsAnswerOfTheNamedServer() async throws {
        let (client, internet) = try await Self.client()
        let answer = try await client.query("FAKEVID.RU", server: "whois.tcinet.ru", port: 43)
        let text = String(decoding: answer, as: UTF8.self)
        #expect(text.contains("domain:        FAKEVID.RU"))
        #expect(text.contains("registrar:     RU-CENTER-RU"))
        #expect(
            try internet.requests().contains {
                $0.server == "whois" && $0.host == "whois.tcinet.ru" && $0.path == "FAKEVID.RU"
            }
        )
    }

    @Test func keepsLegacyEncodingAsBytes() async throws {
        let (client, _) = try await Self.client()
        let answer = try await client.query("example-video.jp", server: "whois.jprs.jp")
        let expected = try Data(
            contentsOf: LocalInternet.fixturesRoot.appendingPathComponent("whois/whois.jprs.jp/example-video.jp.txt")
        )
        #expect(answer == expected)
        #expect(String(data: answer, encoding: .utf8) == nil)  // Shift_JIS, not UTF-8
    }

    @Test func catchAllServerAnswersNoMatch() async throws {
        let (client, _) = try await Self.client()
        let answer = try await client.query("nothing.example", server: "whois.unknown-registry.example")
        #expect(String(decoding: answer, as: UTF8.self) == "No match for \"nothing.example\".\r\n")
    }

    @Test func timesOutWhenServerAcceptsButNeverAnswers() async throws {
        let (client, _) = try await Self.client { $0.timeout = .milliseconds(600) }
        let started = ContinuousClock.now
        await #expect {
            try await client.query("hang.example", server: "whois.faults.test")
        } throws: { error in
            (error as? NetError)?.code == .timedOut && "\(error)".contains("whois.faults.test:43")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func timesOutOnSlowDrip() async throws {
        let (client, _) = try await Self.client { $0.timeout = .milliseconds(1500) }
        await #expect(throws: NetError.self) { try await client.query("slow.example", server: "whois.faults.test") }
    }

    @Test func enforcesByteLimit() async throws {
        let (client, _) = try await Self.client { $0.whoisMaxBytes = 100_000 }
        await #expect {
            try await client.query("big.example", server: "whois.faults.test")
        } throws: { error in
            (error as? NetError)?.code == .responseTooLarge && "\(error)".contains("100000 bytes")
        }
        let (roomy, _) = try await Self.client { $0.whoisMaxBytes = 4 << 20 }
        #expect(try await roomy.query("big.example", server: "whois.faults.test").count == 2_000_000)
    }

    @Test func refusesPrivateServerWithoutConnectTo() async throws {
        let (client, internet) = try await Self.client { $0.connectTo = [] }
        await #expect {
            try await client.query("example.com", server: "127.0.0.1", port: internet.whoisPort)
        } throws: { error in
            (error as? NetError)?.code == .privateAddressRefused
        }
    }

    @Test func refusesQueryWithLineBreak() async throws {
        let (client, _) = try await Self.client()
        await #expect(throws: NetError.self) {
            try await client.query("a.example\r\nsecond", server: "whois.tcinet.ru")
        }
    }
}
