public import LongarmCore

/// A host, CDN, registrar, platform or search engine, and how to reach its abuse desk.
public struct Provider: Sendable, Codable, Hashable {
    /// How to recognise the provider in a hosting profile.
    public struct Recognition: Sendable, Codable, Hashable {
        public var asns: [Int]
        /// Regular expressions matched against RDAP/WHOIS organisation and AS names.
        public var rdapOrgPatterns: [String]
        public var ianaRegistrarIds: [String]
        public var cnameSuffixes: [String]
        /// Registrable domains the provider operates as a platform (`youtube.com`).
        public var domains: [String]
        /// Other names it goes by (matched against CDN names).
        public var names: [String]
        public var confidence: Confidence
    }

    /// One way to send a report.
    public struct Channel: Sendable, Codable, Hashable {
        public var kind: NoticeChannel.Kind
        public var address: String
        /// The kinds this channel takes; empty means every kind.
        public var kinds: [InfringementKind]
        public var note: String?
        public var confidence: Confidence
    }

    /// What the provider passes on, and to whom.
    public struct Forwarding: Sendable, Codable, Hashable {
        /// Recipients: `customer`, `uploader`, `origin-host`, `lumen`, `complainant`.
        public var to: [String]
        public var note: String?
    }

    /// Limits on one report.
    public struct Limits: Sendable, Codable, Hashable {
        public var urlsPerReport: Int?
        public var note: String?
    }

    /// A short stable id (`cloudflare`), also the file name.
    public var id: String
    /// The name to address.
    public var name: String
    /// The roles it plays.
    public var roles: [NoticeRung.Role]
    /// Its country of establishment.
    public var country: CountryCode?
    public var recognition: Recognition
    public var channels: [Channel]
    public var forwards: Forwarding?
    /// Whether a complainant can stay anonymous toward the customer.
    public var anonymity: String?
    public var limits: Limits?
    /// The date (YYYY-MM-DD) the entry was last reviewed.
    public var checked: String
    /// How certain the entry is as a whole.
    public var confidence: Confidence
    public var sources: [SourceReference]

    /// The best channel for a kind: the first that names the kind, else the first that takes every kind.
    public func channel(for kind: InfringementKind) -> Channel? {
        channels.first { $0.kinds.contains(kind) } ?? channels.first { $0.kinds.isEmpty } ?? channels.first
    }
}
