public import Foundation
public import LongarmNet

/// Longarm's local internet for integration tests: nsd serving the fixture zones, web (HTTP/HTTPS) and WHOIS
/// servers, all on 127.0.0.1 ports, started from `Tests/Internet/serve.py`.
///
/// A test calls `let internet = try await LocalInternet.shared()` and then builds its clients with
/// ``configuration(version:)`` (or passes ``environment`` to a `longarm` child process). The servers start once
/// per test process and exit with it (serve.py watches the test process and stops nsd).
public struct LocalInternet: Sendable {
    /// The state folder: ready.json, env.sh, requests.jsonl, nsd's config, the test CA.
    public let directory: URL
    /// The DNS server, `127.0.0.1:PORT`.
    public let dnsServer: String
    /// Connect-to rules: each WHOIS fixture server, then `:80:…`, `:443:…`, `:43:…` (catch-all).
    public let connectTo: [String]
    /// The test CA's PEM file, which signed the HTTPS server's certificate.
    public let caFile: String
    /// The plain HTTP port.
    public let httpPort: Int
    /// The HTTPS port.
    public let httpsPort: Int
    /// The catch-all WHOIS port.
    public let whoisPort: Int
    /// WHOIS fixture servers (folders under `Tests/Internet/whois/`) and their ports.
    public let whoisServers: [String: Int]
    /// `LONGARM_DNS`, `LONGARM_CONNECT_TO` and `LONGARM_CACERT` for a child process.
    public let environment: [String: String]

    /// The package root, found from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Internet` (zones, web, whois fixtures and serve.py).
    public static let fixturesRoot = packageRoot.appendingPathComponent("Tests/Internet")

    /// The instance shared by every test of this process, started on first use.
    public static func shared() async throws -> LocalInternet {
        try await LocalInternetHolder.instance.get()
    }

    /// A network configuration pointing Longarm at these servers (private targets stay refused).
    public func configuration(version: String = "test") throws -> NetConfiguration {
        try NetConfiguration.fromEnvironment(environment, version: version)
    }

    /// Every request served so far (web and WHOIS), oldest first.
    public func requests() throws -> [LoggedRequest] {
        let data = try Data(contentsOf: directory.appendingPathComponent("requests.jsonl"))
        return try data.split(separator: UInt8(ascii: "\n")).map {
            try JSONDecoder().decode(LoggedRequest.self, from: Data($0))
        }
    }

    /// Starts the servers in a new temporary folder and waits until they answer (at most 30 s).
    ///
    /// - Throws: ``LocalInternetError`` with serve.py's own message (e.g. nsd missing: run `make test`).
    public static func start() async throws -> LocalInternet {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "longarm-internet-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
            )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let log = directory.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", fixturesRoot.appendingPathComponent("serve.py").path,
            "--dir", directory.path, "--watch-pid", String(ProcessInfo.processInfo.processIdentifier), "--cleanup",
        ]
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let ready = directory.appendingPathComponent("ready.json")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let data = try? Data(contentsOf: ready) {
                return try LocalInternet(directory: directory, ready: data)
            }
            if !process.isRunning {
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw LocalInternetError(description: "local internet failed to start: \(output)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw LocalInternetError(description: "local internet not ready within 30 s; see \(log.path)")
    }

    private init(directory: URL, ready: Data) throws {
        struct Ready: Decodable {
            var dns: String
            var connectTo: [String]
            var caFile: String
            var httpPort: Int
            var httpsPort: Int
            var whoisPort: Int
            var whoisServers: [String: Int]
            var environment: [String: String]
        }
        let decoded = try JSONDecoder().decode(Ready.self, from: ready)
        self.directory = directory
        self.dnsServer = decoded.dns
        self.connectTo = decoded.connectTo
        self.caFile = decoded.caFile
        self.httpPort = decoded.httpPort
        self.httpsPort = decoded.httpsPort
        self.whoisPort = decoded.whoisPort
        self.whoisServers = decoded.whoisServers
        self.environment = decoded.environment
    }
}

/// One request the local servers received, from `requests.jsonl`.
public struct LoggedRequest: Sendable, Hashable, Decodable {
    /// `http`, `https` or `whois`.
    public var server: String
    /// The Host header, or the WHOIS fixture server's name (empty for the catch-all).
    public var host: String
    /// The HTTP method, or `QUERY` for WHOIS.
    public var method: String
    /// The request target, or the WHOIS query line.
    public var path: String

    /// Creates an entry (for comparisons in tests).
    public init(server: String, host: String, method: String, path: String) {
        self.server = server
        self.host = host
        self.method = method
        self.path = path
    }
}

/// The local internet could not be started.
public struct LocalInternetError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The sentence to print.
    public let description: String

    public var errorDescription: String? { description }
}

/// Starts the shared instance once, whichever test asks first.
actor LocalInternetHolder {
    static let instance = LocalInternetHolder()
    private var starting: Task<LocalInternet, any Error>?

    func get() async throws -> LocalInternet {
        if starting == nil {
            starting = Task { try await LocalInternet.start() }
        }
        return try await starting!.value
    }
}
