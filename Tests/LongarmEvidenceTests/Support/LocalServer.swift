import Foundation
import LongarmCore

/// The HTTP client integration tests use. THE ONE LINE TO CHANGE when LongarmNet is merged:
/// return `CurlHTTPClient(…)` (trusting `caFile` for HTTPS) instead of `nil`. Until then the integration tests
/// are reported as skipped with this reason.
enum IntegrationFetcher {
    static func make(caFile: String?) -> (any HTTPFetching)? {
        nil
    }

    static var available: Bool { make(caFile: nil) != nil }
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
        process.terminate()
        process.waitUntilExit()
    }
}
