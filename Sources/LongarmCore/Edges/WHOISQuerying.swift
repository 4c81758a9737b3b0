public import Foundation

/// Something that asks a port-43 WHOIS server: a TCP client in production, a fake in unit tests.
public protocol WHOISQuerying: Sendable {
    /// Sends `query` followed by CR LF to `server` and returns the raw bytes of the answer (any encoding).
    func query(_ query: String, server: String, port: Int) async throws -> Data
}
