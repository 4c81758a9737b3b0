import Foundation

/// Where a fact came from: the protocol and the server (or file) that said it.
public struct FactSource: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The means by which a fact was learnt.
    public enum Method: String, Sendable, Codable, Hashable {
        case dns
        case rdap
        case whois
        /// Team Cymru's IP-to-ASN service over DNS.
        case cymru
        /// An MMDB geolocation database.
        case mmdb
        /// Published address ranges of CDNs and clouds (`Data/cdn/`).
        case ranges
        /// A CNAME suffix that belongs to a CDN.
        case cname
        /// A response header from the site.
        case header
    }

    /// The protocol or data set.
    public var method: Method
    /// The server asked (`host:port` or a URL) or the file read.
    public var server: String

    /// Creates a source.
    public init(_ method: Method, server: String) {
        self.method = method
        self.server = server
    }

    public var description: String { "\(method.rawValue) \(server)" }
}
