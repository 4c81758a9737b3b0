/// A submitted URL in the canonical form Longarm stores and deduplicates on.
///
/// `canonical` is `scheme://host[:port]path[?query]`: scheme and host lower case, the host in IDNA A-labels (or a
/// dotted IPv4 / bracketed RFC 5952 IPv6 literal), the default port and the fragment dropped, percent-encoding
/// normalised, dot-segments removed.
public struct CanonicalURL: Sendable, Hashable, Codable {
    /// The text as submitted.
    public var original: String
    /// The canonical URL string.
    public var canonical: String
    /// `http` or `https`.
    public var scheme: String
    /// The host: A-labels for a domain, dotted decimal for IPv4, `[…]` for IPv6.
    public var host: String
    /// The port, only when it is not the scheme's default.
    public var port: Int?
    /// The path, never empty (at least `/`).
    public var path: String
    /// The query without its `?`, or `nil` when there is none (an empty query is dropped).
    public var query: String?
    /// The registrable domain (public suffix plus one label), or `nil` for an IP address or a public suffix itself.
    public var registrableDomain: String?

    /// Whether the host is an IP address literal rather than a domain name.
    public var hostIsAddress: Bool {
        host.hasPrefix("[") || IPLiteral.ipv4(host) != nil
    }
}

extension CanonicalURL: CustomStringConvertible {
    public var description: String { canonical }
}
