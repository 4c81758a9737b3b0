import Foundation
public import LongarmCore

/// One CDN, proxy or cloud as described in `Data/cdn/providers.json`.
public struct CDNProvider: Sendable, Hashable, Codable {
    /// What sort of service it is, which decides whether it hides the origin.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A caching proxy.
        case cdn
        /// A filtering reverse proxy.
        case waf
        /// A provider's own front ends (it hosts the content or fronts its cloud customers).
        case frontend
        /// A hosting cloud: the address belongs to the host.
        case cloud
    }

    /// One published range, possibly marked as not confirmed from an official list.
    public struct Range: Sendable, Hashable, Codable {
        /// The range in CIDR notation.
        public var cidr: String
        /// True when the range is not taken from the provider's own published list.
        public var uncertain: Bool

        public init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                cidr = text
                uncertain = false
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            cidr = try container.decode(String.self, forKey: .cidr)
            uncertain = try container.decodeIfPresent(Bool.self, forKey: .uncertain) ?? false
        }
    }

    /// A response header that betrays the provider: a name (a trailing `*` matches any rest), and
    /// optionally text the value must contain (case-insensitive).
    public struct HeaderSignature: Sendable, Hashable, Codable {
        /// The header name, lower-case; `x-akamai-*` matches every header starting with `x-akamai-`.
        public var name: String
        /// Text the value must contain, if any.
        public var valueContains: String?
    }

    /// The provider's name, used as `CDNMatch.name`.
    public var name: String
    /// What sort of service it is.
    public var kind: Kind
    /// The country of the company that runs it: how to reach it, not the law of the content it fronts.
    public var country: CountryCode?
    /// Where the ranges are published.
    public var rangesSource: String
    /// When the ranges were taken.
    public var rangesDate: String
    /// Its address ranges.
    public var ranges: [Range]
    /// DNS name suffixes its customers CNAME to (a label may hold `*`, as in `kunlun*.com`).
    public var cnameSuffixes: [String]
    /// Name-server suffixes of its DNS service.
    public var nameServerSuffixes: [String]
    /// Response headers it adds.
    public var headers: [HeaderSignature]
    /// Its abuse contact (address or URL).
    public var abuse: String?
    /// Which channel reveals the origin host behind it.
    public var revealedBy: String?
    /// True when `revealedBy` is not confirmed by the provider or a documented case.
    public var revealedByUncertain: Bool?
    /// Remarks on the data.
    public var note: String?

    /// Whether a match means the origin server's addresses are hidden behind the provider.
    public var hidesOrigin: Bool { kind == .cdn || kind == .waf }
}
