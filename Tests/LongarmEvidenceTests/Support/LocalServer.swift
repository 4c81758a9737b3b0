import Foundation
import LongarmCore
import LongarmNet

#if canImport(Glibc)
import Glibc
#endif

/// The HTTP client the integration tests use: LongarmNet's libcurl client.
enum IntegrationFetcher {
    /// libcurl, trusting `caFile` when given.
    static func make(caFile: String?) -> (any HTTPFetching)? {
        var configuration = NetConfiguration(userAgent: "Longarm/test")
        configuration.caFile = caFile
        configuration.allowPrivateTargets = true  // the test servers are on loopback by design
        return CurlHTTPClient(configuration: configuration)
    }

}

/// A Python server from Tests/Internet on a free loopback port, stopped when released.
final class LocalServer: @unchecked Sendable {
    let process = Process()
    /// `http://127.0.0.1:PORT` or `https://…`, without a trailing slash.
    let baseURL: String

    /// Starts `script` (in Tests/Internet) with `arguments` and waits for its "listening on URL" line.
    init(script: String, arguments: [String] = []) throws {
        let path = Tools.packageRoot.appendingPathComponent("Tests/Internet/\(script)").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let byte = pipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("listening on ") else {
            process.terminate()
            throw URLError(.cannotConnectToHost)
        }
        baseURL = String(text.dropFirst("listening on ".count).dropLast())
    }

    deinit {
        // Foundation's waitUntilExit can wait forever on Linux when another child inherited the server's
        // descriptors; kill and reap the server directly instead.
        let pid = process.processIdentifier
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
