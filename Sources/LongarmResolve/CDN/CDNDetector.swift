public import Foundation
public import LongarmCore

/// Recognises CDNs, proxies and clouds in front of a site by address, by CNAME chain and by response headers,
/// from `Data/cdn/providers.json`.
///
/// Address matching is a longest-prefix match over one hash table per prefix length, so a lookup costs one
/// probe per distinct prefix length in the data (a few dozen at most), whatever the number of ranges.
public struct CDNDetector: Sendable {
    /// The data file's path inside `Data/`.
    package static let shippedRelativePath = "cdn/providers.json"

    private struct File: Decodable {
        var updated: String?
        var providers: [CDNProvider]
    }

    private struct RangeEntry: Sendable {
        var provider: Int
        var cidr: CIDR
        var uncertain: Bool
    }

    /// The providers, in file order.
    public let providers: [CDNProvider]
    /// The file name given as the source of range, CNAME and header matches.
    public let sourceName: String
    private let tables: [IPAddress.Family: [(length: Int, entries: [CIDR: RangeEntry])]]
    private let cnamePatterns: [(provider: Int, suffix: String, labels: [Substring])]

    /// Builds a detector; a range that is not CIDR text is an error naming `sourceName`.
    public init(providers: [CDNProvider], sourceName: String = "cdn/providers.json") throws(ResolveDataError) {
        var byLength: [IPAddress.Family: [Int: [CIDR: RangeEntry]]] = [:]
        var patterns: [(provider: Int, suffix: String, labels: [Substring])] = []
        for (index, provider) in providers.enumerated() {
            for range in provider.ranges {
                guard let cidr = CIDR(range.cidr) else {
                    throw ResolveDataError(
                        .malformed,
                        file: sourceName,
                        detail: "\(provider.name): \"\(range.cidr)\" is not a CIDR range"
                    )
                }
                byLength[cidr.family, default: [:]][cidr.prefixLength, default: [:]][cidr] = RangeEntry(
                    provider: index,
                    cidr: cidr,
                    uncertain: range.uncertain
                )
            }
            for suffix in provider.cnameSuffixes {
                let normalised = suffix.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                patterns.append((index, normalised, normalised.split(separator: ".")))
            }
        }
        self.providers = providers
        self.sourceName = sourceName
        tables = byLength.mapValues { lengths in
            lengths.map { (length: $0.key, entries: $0.value) }.sorted { $0.length > $1.length }
        }
        // Longer suffixes first, so `afd.azureedge.net` would beat `azureedge.net` for the same name.
        cnamePatterns = patterns.sorted { $0.labels.count > $1.labels.count }
    }

    /// Decodes a `providers.json` document.
    public init(data: Data, sourceName: String) throws(ResolveDataError) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw ResolveDataError(.malformed, file: sourceName, detail: "not a CDN provider file (\(error))")
        }
        try self.init(providers: file.providers, sourceName: sourceName)
    }

    /// Loads the shipped `Data/cdn/providers.json`.
    package static func loadShipped(
        locator: ResolveDataLocator = ResolveDataLocator()
    ) throws(ResolveDataError) -> CDNDetector {
        let url = try locator.locate(shippedRelativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ResolveDataError(.unreadable, file: url.path, detail: "cannot be read")
        }
        return try CDNDetector(data: data, sourceName: shippedRelativePath)
    }

    /// The provider called `name` (for its `revealedBy`, `abuse` and `hidesOrigin`).
    public func provider(named name: String) -> CDNProvider? {
        providers.first { $0.name == name }
    }

    /// The provider whose most specific published range holds `address`.
    public func match(address: IPAddress) -> CDNMatch? {
        let address = address.unmappedV4 ?? address
        for (length, entries) in tables[address.family] ?? [] {
            guard let key = CIDR(address, prefixLength: length), let entry = entries[key] else { continue }
            let qualifier = entry.uncertain ? " (uncertain range)" : ""
            return CDNMatch(
                name: providers[entry.provider].name,
                source: FactSource(.ranges, server: sourceName),
                evidence: "\(address) in \(entry.cidr)\(qualifier)"
            )
        }
        return nil
    }

    /// The first name of a CNAME chain (in chain order) that ends in a provider's suffix.
    public func match(cnameChain: [String]) -> CDNMatch? {
        for name in cnameChain {
            let labels = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". ")).split(
                separator: "."
            )
            for pattern in cnamePatterns where Self.labels(labels, endWith: pattern.labels) {
                return CDNMatch(
                    name: providers[pattern.provider].name,
                    source: FactSource(.cname, server: sourceName),
                    evidence: "\(labels.joined(separator: ".")) ends in \(pattern.suffix)"
                )
            }
        }
        return nil
    }

    /// The first response header (in response order) that matches a provider's signature.
    public func match(headers: [HTTPHeader]) -> CDNMatch? {
        for header in headers {
            let name = header.name.lowercased()
            for provider in providers {
                for signature in provider.headers where Self.header(name, header.value, matches: signature) {
                    return CDNMatch(
                        name: provider.name,
                        source: FactSource(.header, server: sourceName),
                        evidence: "\(header.name): \(header.value)"
                    )
                }
            }
        }
        return nil
    }

    private static func labels(_ name: [Substring], endWith suffix: [Substring]) -> Bool {
        guard name.count >= suffix.count else { return false }
        return zip(name.suffix(suffix.count), suffix).allSatisfy { label, pattern in
            guard let star = pattern.firstIndex(of: "*") else { return label == pattern }
            let head = pattern[..<star]
            let tail = pattern[pattern.index(after: star)...]
            return label.count >= head.count + tail.count && label.hasPrefix(head) && label.hasSuffix(tail)
        }
    }

    private static func header(_ name: String, _ value: String, matches signature: CDNProvider.HeaderSignature) -> Bool
    {
        let pattern = signature.name.lowercased()
        let nameMatches = pattern.hasSuffix("*") ? name.hasPrefix(pattern.dropLast()) : name == pattern
        guard nameMatches else { return false }
        guard let needle = signature.valueContains else { return true }
        return value.lowercased().contains(needle.lowercased())
    }
}
