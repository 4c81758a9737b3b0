import Foundation
import LongarmCore
import LongarmNet
import LongarmStore
import Synchronization
import Testing

/// Runs the built `longarm serve` on a free loopback port, talks to it over HTTP with the project's libcurl client,
/// and stops it with SIGTERM.
@Suite(.serialized) struct ServeBinaryTests {
    /// A running `longarm serve` and what it printed on stderr.
    final class Server: Sendable {
        /// What the process wrote on stderr so far.
        final class Output: Sendable {
            private let text = Mutex("")
            func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
            var value: String { text.withLock { $0 } }
        }

        let process: Process
        private let output = Output()

        init(arguments: [String], environment: [String: String] = [:]) throws {
            process = Process()
            process.executableURL = try Self.binary()
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LONGARM_") }
                .merging(environment) { $1 }
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            pipe.fileHandleForReading.readabilityHandler = { [output] handle in
                output.append(handle.availableData)
            }
            try process.run()
        }

        var stderr: String { output.value }

        /// The port from the `listening on` line, once printed.
        func port(within seconds: Double = 120) async throws -> Int? {
            let deadline = ContinuousClock.now + .seconds(seconds)
            while ContinuousClock.now < deadline, process.isRunning {
                if let range = stderr.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression)
                {
                    return Int(stderr[range].split(separator: ":").last ?? "")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            return nil
        }

        /// Waits for the process to end; `nil` when it did not within `seconds`.
        func exitStatus(within seconds: Double = 30) async throws -> Int32? {
            let deadline = ContinuousClock.now + .seconds(seconds)
            while ContinuousClock.now < deadline {
                if !process.isRunning { return process.terminationStatus }
                try await Task.sleep(for: .milliseconds(50))
            }
            return nil
        }

        static func binary() throws -> URL {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            var candidates: [URL] = []
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                candidates.append(
                    URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent(
                        "longarm"
                    )
                )
            }
            candidates.append(root.appendingPathComponent(".build/debug/longarm"))
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw CocoaError(
                    .fileNoSuchFile,
                    userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: ", ")]
                )
            }
            return found
        }
    }

    private let folder: URL
    private let client = CurlHTTPClient(
        configuration: NetConfiguration(timeout: .seconds(10), allowPrivateTargets: true)
    )

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func get(_ port: Int, _ path: String, token: String? = nil) async throws -> HTTPExchange {
        try await client.fetch(
            LongarmCore.HTTPRequest(
                url: "http://127.0.0.1:\(port)\(path)",
                headers: token.map { [HTTPHeader("Authorization", "Bearer \($0)")] } ?? []
            )
        )
    }

    @Test func servesHealthOnAFreePortAndExitsZeroOnSIGTERM() async throws {
        let token = "binary-test-token-0123456789"
        let server = try Server(
            arguments: ["serve", "--port", "0", "--db", folder.appendingPathComponent("db.sqlite").path],
            environment: ["LONGARM_API_TOKEN": token]
        )
        defer { if server.process.isRunning { server.process.terminate() } }
        let port = try #require(try await server.port(), "no listening line; stderr: \(server.stderr)")

        let health = try await get(port, "/healthz")
        #expect(health.status == 200)
        let body = try JSONSerialization.jsonObject(with: health.body) as? [String: Any]
        #expect(body?["status"] as? String == "ok")
        #expect(body?["version"] as? String == "0.1.0")

        let refused = try await get(port, "/metrics")
        #expect(refused.status == 401)
        #expect(refused.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        let metrics = try await get(port, "/metrics", token: token)
        #expect(metrics.status == 200)
        #expect(String(decoding: metrics.body, as: UTF8.self).contains(#"route="/healthz""#))

        kill(server.process.processIdentifier, SIGTERM)
        let status = try await server.exitStatus()
        #expect(status == 0, "stderr: \(server.stderr)")
        #expect(server.process.terminationReason == .exit)
        #expect(!server.stderr.contains(token), "the token must never be logged")
    }

    @Test func refusesToStartWithoutATokenOffLoopback() async throws {
        let server = try Server(arguments: ["serve", "--host", "0.0.0.0", "--port", "0", "--insecure-no-auth"])
        defer { if server.process.isRunning { server.process.terminate() } }
        let status = try await server.exitStatus(within: 120)
        #expect(status == 64)
        #expect(server.stderr.contains("--insecure-no-auth: refused on 0.0.0.0"), "stderr: \(server.stderr)")

        let tokenless = try Server(arguments: ["serve", "--port", "0"])
        defer { if tokenless.process.isRunning { tokenless.process.terminate() } }
        #expect(try await tokenless.exitStatus(within: 120) == 64)
        #expect(tokenless.stderr.contains("no API token"), "stderr: \(tokenless.stderr)")
    }
}
