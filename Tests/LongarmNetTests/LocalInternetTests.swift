import Foundation
import LongarmCore
import LongarmNet
import LongarmTestSupport
import Testing

/// The local internet itself: its request log, and the shell entry point the demo uses.
@Suite struct LocalInternetTests {
    @Test func requestsEndpointListsServedRequests() async throws {
        let internet = try await LocalInternet.shared()
        let client = CurlHTTPClient(configuration: try internet.configuration())
        let marker = UUID().uuidString
        _ = try await client.fetch(HTTPRequest(url: "https://mirror.fakevid.ru/video/7781?\(marker)"))
        let log = try await client.fetch(HTTPRequest(url: "http://anything.example/_requests"))
        let decoded = try JSONDecoder().decode([String: [LoggedRequest]].self, from: log.body)
        let entries = try #require(decoded["requests"]).filter { $0.path.contains(marker) }
        #expect(
            entries == [
                LoggedRequest(server: "https", host: "mirror.fakevid.ru", method: "GET", path: "/video/7781?\(marker)")
            ]
        )
    }

    private struct Counts: Decodable {
        var web: [String: Int]
        var whois: [String: Int]
        var paths: [String: Int]
        var dns: [String: Int]
    }

    @Test func countsEndpointReportsRequestsPerServerAndNSDQueries() async throws {
        let internet = try await LocalInternet.shared()
        let configuration = try internet.configuration()
        let client = CurlHTTPClient(configuration: configuration)
        func counts() async throws -> Counts {
            let answer = try await client.fetch(HTTPRequest(url: "http://anything.example/_counts"))
            return try JSONDecoder().decode(Counts.self, from: answer.body)
        }
        let before = try await counts()
        let marker = UUID().uuidString
        _ = try await client.fetch(HTTPRequest(url: "https://mirror.fakevid.ru/video/7781?\(marker)"))
        _ = try await DNSClient(configuration: configuration).query("mirror.fakevid.ru", type: .a)
        _ = try await WHOISClient(configuration: configuration).query("fakevid.ru", server: "whois.tcinet.ru")
        let after = try await counts()
        #expect(after.paths["mirror.fakevid.ru/video/7781?\(marker)"] == 1)
        #expect(after.web["mirror.fakevid.ru", default: 0] > before.web["mirror.fakevid.ru", default: 0])
        #expect(after.whois["whois.tcinet.ru", default: 0] > before.whois["whois.tcinet.ru", default: 0])
        #expect(after.dns["A", default: 0] > before.dns["A", default: 0], "nsd's own counters, via nsd-control")
        #expect(after.dns["queries", default: 0] > before.dns["queries", default: 0])
        #expect(after.web["anything.example"] == nil, "reading the counters is not counted")
    }

    @Test func shellScriptStartsServersAndStopsThem() async throws {
        let script = LocalInternet.fixturesRoot.appendingPathComponent("local-internet.sh").path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-sh-\(UUID().uuidString)")
        let output = try await Self.run([
            script, "start", directory.path, String(ProcessInfo.processInfo.processIdentifier),
        ])
        var environment: [String: String] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            environment[String(pair[0])] = String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        #expect(Set(environment.keys) == ["LONGARM_DNS", "LONGARM_CONNECT_TO", "LONGARM_CACERT"])
        let configuration = try NetConfiguration.fromEnvironment(environment, version: "test")
        let answer = try await DNSClient(configuration: configuration).query("mirror.fakevid.ru", type: .a)
        #expect(answer.records.map(\.data) == ["31.184.215.10"])
        let pid = try #require(
            Int32(
                String(contentsOf: directory.appendingPathComponent("serve.pid"), encoding: .utf8).trimmingCharacters(
                    in: .whitespacesAndNewlines
                )
            )
        )
        _ = try await Self.run([script, "stop", directory.path])
        var gone = false
        for _ in 0..<100 where !gone {
            try await Task.sleep(for: .milliseconds(50))
            gone = kill(pid, 0) != 0
        }
        #expect(gone)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs bash with `arguments` through `system()` on a thread of its own and returns its standard output.
    ///
    /// Not Foundation's `Process`: it learns of a child's exit only when every inherited copy of its monitoring
    /// socket is closed, and the script leaves a background server running.
    static func run(_ arguments: [String]) async throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "longarm-sh-\(UUID().uuidString).out"
        )
        defer { try? FileManager.default.removeItem(at: output) }
        let command =
            (["/bin/bash"] + arguments).map { "'\($0)'" }.joined(separator: " ") + " >'\(output.path)' </dev/null"
        let status = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            Thread { continuation.resume(returning: system(command)) }.start()
        }
        #expect(status == 0)
        return try String(contentsOf: output, encoding: .utf8)
    }
}
