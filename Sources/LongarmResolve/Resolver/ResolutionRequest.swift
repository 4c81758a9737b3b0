import Foundation
import LongarmCore

/// One URL to resolve, already canonicalised by intake.
public struct ResolutionRequest: Sendable, Hashable {
    /// The URL as submitted.
    public var url: String
    /// The canonical URL.
    public var canonicalUrl: String
    /// The host (A-labels) or IP literal.
    public var host: String
    /// The registrable domain; `nil` for an IP literal.
    public var registrableDomain: String?

    /// Creates a request.
    public init(url: String, canonicalUrl: String, host: String, registrableDomain: String?) {
        self.url = url
        self.canonicalUrl = canonicalUrl
        self.host = host
        self.registrableDomain = registrableDomain
    }

    /// True when the host is an IPv4 or IPv6 literal rather than a name.
    var hostIsAddress: Bool { IPAddress(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) != nil }
}
