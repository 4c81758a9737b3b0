public import Foundation

/// The port-43 WHOIS server table (`Data/whois/servers.json`): which server to ask for a domain, looked up
/// by longest matching label suffix, with IANA's WHOIS as the referral fallback for unlisted TLDs.
public struct WHOISServerTable: Sendable {
    private struct File: Decodable {
        var updated: String?
        var fallback: String
        var servers: [WHOISServerEntry]
    }

    /// The table's path inside `Data/`.
    package static let shippedRelativePath = "whois/servers.json"

    /// The server that refers an unlisted TLD to its registry's server (`refer:` line): `whois.iana.org`.
    public let fallbackServer: String
    /// The date the table was last reviewed.
    public let updated: String?
    private let entries: [String: WHOISServerEntry]

    /// Builds a table from rows; a later row for the same suffix replaces an earlier one.
    public init(entries: [WHOISServerEntry], fallbackServer: String = "whois.iana.org", updated: String? = nil) {
        var bySuffix: [String: WHOISServerEntry] = [:]
        for var entry in entries {
            entry.suffix = Self.normalised(entry.suffix)
            bySuffix[entry.suffix] = entry
        }
        self.entries = bySuffix
        self.fallbackServer = fallbackServer
        self.updated = updated
    }

    /// Decodes a `servers.json` document; `file` names it in errors.
    public init(data: Data, file: String) throws(ResolveDataError) {
        let parsed: File
        do {
            parsed = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw ResolveDataError(.malformed, file: file, detail: "not a WHOIS server table (\(error))")
        }
        for entry in parsed.servers {
            let needsServer = [.direct, .thin, .recursive].contains(entry.kind)
            if needsServer && (entry.server ?? "").isEmpty {
                throw ResolveDataError(
                    .malformed,
                    file: file,
                    detail: "suffix \"\(entry.suffix)\" of kind \(entry.kind.rawValue) lacks \"server\""
                )
            }
            if entry.kind == .web && (entry.url ?? "").isEmpty {
                throw ResolveDataError(
                    .malformed,
                    file: file,
                    detail: "suffix \"\(entry.suffix)\" of kind web lacks \"url\""
                )
            }
        }
        self.init(entries: parsed.servers, fallbackServer: parsed.fallback, updated: parsed.updated)
    }

    /// Loads the table from `url`.
    public static func load(_ url: URL) throws(ResolveDataError) -> WHOISServerTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ResolveDataError(.notFound, file: url.path, detail: "cannot be read")
        }
        return try WHOISServerTable(data: data, file: url.path)
    }

    /// Loads the shipped table from `Data/whois/servers.json`.
    package static func loadShipped(
        locator: ResolveDataLocator = ResolveDataLocator()
    ) throws(ResolveDataError)
        -> WHOISServerTable
    {
        try load(try locator.locate(shippedRelativePath))
    }

    /// The row of the longest suffix of `domain` made of whole labels; `nil` when none matches (then ask
    /// `fallbackServer` for the TLD and follow its `refer:`).
    public func entry(forDomain domain: String) -> WHOISServerEntry? {
        var labels = Self.normalised(domain).split(separator: ".")
        while !labels.isEmpty {
            if let entry = entries[labels.joined(separator: ".")] { return entry }
            labels.removeFirst()
        }
        return nil
    }

    /// The number of rows.
    public var count: Int { entries.count }

    private static func normalised(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    }
}
