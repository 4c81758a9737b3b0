public import Foundation

/// One IANA RDAP bootstrap file (RFC 9224): `dns.json`, `ipv4.json`, `ipv6.json` or `asn.json`.
public struct RDAPBootstrapFile: Sendable, Hashable, Codable {
    /// One service: the entries it covers (labels, CIDRs or AS ranges) and its base URLs.
    public struct Service: Sendable, Hashable, Codable {
        /// TLD labels, CIDR prefixes or AS numbers/ranges, as written in the file.
        public var entries: [String]
        /// The RDAP base URLs, as written in the file.
        public var urls: [String]

        /// Creates a service.
        public init(entries: [String], urls: [String]) {
            self.entries = entries
            self.urls = urls
        }

        public init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            entries = try container.decode([String].self)
            urls = try container.decode([String].self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(entries)
            try container.encode(urls)
        }
    }

    /// What the file is for.
    public var description: String?
    /// When IANA (or whoever wrote the file) published it, ISO 8601.
    public var publication: String?
    /// The format version, `1.0`.
    public var version: String
    /// The services, in file order.
    public var services: [Service]

    /// Creates a file.
    public init(description: String?, publication: String?, version: String = "1.0", services: [Service]) {
        self.description = description
        self.publication = publication
        self.version = version
        self.services = services
    }

    /// Decodes `data`, naming `file` in the error when it is not a bootstrap file.
    public static func decode(_ data: Data, file: String) throws(ResolveDataError) -> RDAPBootstrapFile {
        let parsed: RDAPBootstrapFile
        do {
            parsed = try JSONDecoder().decode(RDAPBootstrapFile.self, from: data)
        } catch {
            throw ResolveDataError(.malformed, file: file, detail: "not an RDAP bootstrap file (\(Self.reason(error)))")
        }
        guard !parsed.services.isEmpty else {
            throw ResolveDataError(.malformed, file: file, detail: "the bootstrap file lists no services")
        }
        return parsed
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "invalid JSON" : "bad value at \(path)"
        default: return "invalid JSON"
        }
    }
}
