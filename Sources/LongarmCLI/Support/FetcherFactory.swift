import Foundation
import LongarmCore
import LongarmNet
import Synchronization

/// Where evidence commands get their HTTP client and DNS resolver: libcurl and the wire-format DNS client,
/// unless a test installs fakes through ``override``.
enum FetcherFactory {
    /// A fetcher (and optional resolver) that tests install; `nil` in the shipped tool.
    static let override = Mutex<(@Sendable (NetConfiguration) -> (any HTTPFetching, (any DNSResolving)?))?>(nil)

    /// The HTTP client for `configuration`.
    static func makeFetcher(_ configuration: NetConfiguration) throws -> any HTTPFetching {
        if let made = override.withLock({ $0 })?(configuration) { return made.0 }
        return CurlHTTPClient(configuration: configuration)
    }

    /// The DNS resolver for `configuration`, or `nil` when it cannot be set up (captures then record no answers).
    static func makeResolver(_ configuration: NetConfiguration) -> (any DNSResolving)? {
        if let made = override.withLock({ $0 })?(configuration) { return made.1 }
        return try? DNSClient(configuration: configuration)
    }
}
