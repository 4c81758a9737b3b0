import Foundation
import LongarmCore
import Synchronization

/// Network settings a command hands to the HTTP client and resolver it asks for.
struct FetcherSettings: Sendable {
    /// Per-request limit.
    var timeout: Duration
    /// curl connect-to rules, `HOST:PORT:TARGET:TPORT`.
    var connectTo: [String]
    /// Extra CA bundle (PEM) to trust, e.g. a test CA.
    var caCertificates: String?
    /// DNS server, `HOST:PORT`; `nil` for the system's.
    var dnsServer: String?
    /// Permit loopback and private targets.
    var allowPrivateTargets: Bool
}

/// Where evidence commands get their HTTP client and DNS resolver.
///
/// LongarmNet's libcurl client is wired here by the lead (`makeFetcher` returns it); until then capture fails
/// with a clear sentence instead of pretending. Tests install a fake through ``override``.
enum FetcherFactory {
    /// A fetcher (and optional resolver) that tests install; `nil` in the shipped tool.
    static let override = Mutex<(@Sendable (FetcherSettings) -> (any HTTPFetching, (any DNSResolving)?))?>(nil)

    /// The HTTP client for `settings`.
    static func makeFetcher(_ settings: FetcherSettings) throws -> any HTTPFetching {
        if let made = override.withLock({ $0 })?(settings) { return made.0 }
        throw CLIError(
            .unavailable,
            "HTTP client not available in this build (LongarmNet is not wired into the CLI yet)"
        )
    }

    /// The DNS resolver for `settings`, or `nil` when none is available (DNS answers are then not recorded).
    static func makeResolver(_ settings: FetcherSettings) -> (any DNSResolving)? {
        if let made = override.withLock({ $0 })?(settings) { return made.1 }
        return nil
    }
}
