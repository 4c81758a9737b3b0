import Foundation
import LongarmCore

/// Lookup tables over the providers, built once, so that planning a target costs dictionary look-ups.
///
/// The tables hold `Entry` references rather than `Provider` values: a look-up on the planner's hot path
/// retains one object instead of copying a provider's many fields.
final class ProviderIndex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share between threads.

    /// One provider with its notice channel for every kind, computed once.
    final class Entry: Sendable {
        /// The provider as loaded.
        let provider: Provider
        /// The channel per kind, at the kind's ordinal.
        private let channels: [NoticeChannel]

        init(_ provider: Provider) {
            self.provider = provider
            var channels = [NoticeChannel](
                repeating: ProviderIndex.unknownChannel,
                count: InfringementKind.allCases.count
            )
            for kind in InfringementKind.allCases {
                channels[kind.ordinal] = ProviderIndex.noticeChannel(provider, kind: kind)
            }
            self.channels = channels
        }

        /// The provider's channel for a kind, with its limits and disclosure behaviour as notes.
        func channel(for kind: InfringementKind) -> NoticeChannel {
            channels[kind.ordinal]
        }
    }

    private let byASN: [Int: Entry]
    private let byIANA: [String: Entry]
    private let byDomain: [String: Entry]
    private let byName: [String: Entry]
    private let cnames: [(suffix: String, entry: Entry)]
    private let patterns: [(regex: NSRegularExpression, entry: Entry)]
    /// The search engines, in id order.
    let searchEngines: [Entry]

    init(providers: [Provider]) {
        let entries = providers.map(Entry.init)
        var asn: [Int: Entry] = [:]
        var iana: [String: Entry] = [:]
        var domain: [String: Entry] = [:]
        var name: [String: Entry] = [:]
        var cnames: [(String, Entry)] = []
        var patterns: [(NSRegularExpression, Entry)] = []
        for entry in entries {
            let provider = entry.provider
            for number in provider.recognition.asns where asn[number] == nil { asn[number] = entry }
            for id in provider.recognition.ianaRegistrarIds where iana[id] == nil { iana[id] = entry }
            for host in provider.recognition.domains where domain[host] == nil { domain[host] = entry }
            for alias in [provider.id, provider.name] + provider.recognition.names {
                if name[alias.lowercased()] == nil { name[alias.lowercased()] = entry }
            }
            cnames += provider.recognition.cnameSuffixes.map { ($0, entry) }
            for pattern in provider.recognition.rdapOrgPatterns {
                if let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) {
                    patterns.append((regex, entry))
                }
            }
        }
        searchEngines = entries.filter { $0.provider.roles.contains(.searchEngine) }
        byASN = asn
        byIANA = iana
        byDomain = domain
        byName = name
        self.cnames = cnames
        self.patterns = patterns
    }

    /// The provider announcing `asn`, as a value.
    func provider(asn: Int) -> Provider? { byASN[asn]?.provider }

    func entry(asn: Int) -> Entry? { byASN[asn] }

    func entry(ianaID: String) -> Entry? { byIANA[ianaID] }

    func entry(name: String) -> Entry? { byName[Self.folded(name)] }

    func entry(domain: String) -> Entry? { byDomain[Self.folded(domain)] }

    func entry(cname: String) -> Entry? {
        let host = cname.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return cnames.first { host == $0.suffix || host.hasSuffix("." + $0.suffix) }?.entry
    }

    func entry(organization: String) -> Entry? {
        let range = NSRange(organization.startIndex..., in: organization)
        return patterns.first { $0.regex.firstMatch(in: organization, range: range) != nil }?.entry
    }

    /// `text` in lower case; a name that already is (most domains) is returned as it is, without a new string.
    private static func folded(_ text: String) -> String {
        text.utf8.contains { (65...90).contains($0) || $0 >= 128 } ? text.lowercased() : text
    }

    private static let unknownChannel = NoticeChannel(kind: .unknown, address: nil, confidence: .uncertain)

    fileprivate static func noticeChannel(_ provider: Provider, kind: InfringementKind) -> NoticeChannel {
        guard let channel = provider.channel(for: kind) else { return unknownChannel }
        var notes: [String] = []
        if let note = channel.note { notes.append(note) }
        if let limit = provider.limits?.urlsPerReport { notes.append("at most \(limit) URLs per report") }
        if let note = provider.limits?.note { notes.append(note) }
        if let forwards = provider.forwards, !forwards.to.isEmpty {
            notes.append(
                "forwards to: " + forwards.to.joined(separator: ", ") + (forwards.note.map { " (\($0))" } ?? "")
            )
        }
        if let anonymity = provider.anonymity { notes.append("anonymity: \(anonymity)") }
        return NoticeChannel(kind: channel.kind, address: channel.address, notes: notes, confidence: channel.confidence)
    }
}
