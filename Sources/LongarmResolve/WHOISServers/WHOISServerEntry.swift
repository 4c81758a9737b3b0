import Foundation

/// How to ask port-43 WHOIS about the domains under one suffix (one row of `Data/whois/servers.json`).
public struct WHOISServerEntry: Sendable, Hashable, Codable {
    /// What the registry offers on port 43.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The registry's server answers with its own record.
        case direct
        /// A thin registry (Verisign): send `query`, then follow `Registrar WHOIS Server:` in the first record.
        case thin
        /// Ask the registry, and follow `Registrar WHOIS Server:` when the record names one.
        case recursive
        /// No port-43 service: RDAP or nothing.
        case none
        /// Only a web page (`url`) answers.
        case web
    }

    /// The domain suffix, lower-case, without dots at either end (`jp`, `co.za`).
    public var suffix: String
    /// What the registry offers.
    public var kind: Kind
    /// The WHOIS host, for `direct`, `thin` and `recursive`.
    public var server: String?
    /// The port, 43 unless stated.
    public var port: Int?
    /// The query text with `{domain}` for the domain (`{domain}/e` for JPRS); the bare domain when absent.
    public var query: String?
    /// The character set the server answers in, when it is not UTF-8.
    public var charset: String?
    /// The web page to use, for `web`.
    public var url: String?
    /// Why the row is as it is.
    public var note: String?

    /// The text to send for `domain` (without the trailing CR LF).
    public func queryText(for domain: String) -> String {
        (query ?? "{domain}").replacingOccurrences(of: "{domain}", with: domain)
    }

    /// The port to connect to.
    public var effectivePort: Int { port ?? 43 }
}
