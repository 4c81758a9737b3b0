public import Foundation
public import LongarmCore

/// The loaded, validated rules table and provider registry.
public struct RuleBook: Sendable {
    /// The notice-element vocabulary, keyed by id.
    public let elements: [String: ElementDefinition]
    /// Every jurisdiction, keyed by code, including `EU`.
    public let jurisdictions: [String: Jurisdiction]
    /// Ladder defaults per role.
    public let roles: [NoticeRung.Role: RoleRule]
    /// Every provider, sorted by id.
    public let providers: [Provider]
    let index: ProviderIndex
    /// Every jurisdiction's effective rule per kind (EU members already merged), computed once.
    private let effective: [String: [InfringementKind: KindRule]]

    init(
        elements: [String: ElementDefinition],
        jurisdictions: [String: Jurisdiction],
        roles: [NoticeRung.Role: RoleRule],
        providers: [Provider]
    ) {
        self.elements = elements
        self.jurisdictions = jurisdictions
        self.roles = roles
        self.providers = providers.sorted { $0.id < $1.id }
        self.index = ProviderIndex(providers: self.providers)
        var effective: [String: [InfringementKind: KindRule]] = [:]
        for (code, jurisdiction) in jurisdictions {
            for kind in InfringementKind.allCases {
                let own = jurisdiction.rules[kind.rawValue]
                if jurisdiction.euMember, let base = jurisdictions["EU"]?.rules[kind.rawValue] {
                    effective[code, default: [:]][kind] = Self.merge(base: base, override: own, member: jurisdiction)
                } else if let own {
                    effective[code, default: [:]][kind] = own
                }
            }
        }
        self.effective = effective
    }

    /// Loads and validates `directory` (holding `jurisdictions/` and `providers/`); throws every problem at once.
    public static func load(from directory: URL) throws(RulesError) -> RuleBook {
        let (book, issues) = RuleBookLoader(directory: directory).load()
        guard issues.isEmpty, let book else { throw RulesError(.invalidData, issues: issues) }
        return book
    }

    /// The EU layer, if loaded.
    public var eu: Jurisdiction? { jurisdictions["EU"] }

    /// The rule that applies in `code` to `kind`; for an EU member, its overrides merged over the EU layer.
    public func rule(for code: String, kind: InfringementKind) -> KindRule? {
        effective[code]?[kind]
    }

    /// The provider with this id, or whose name or ASN matches `query` (`Hetzner`, `24940`, `AS24940`).
    public func provider(matching query: String) -> Provider? {
        let text = query.trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        if let provider = providers.first(where: { $0.id == lowered }) { return provider }
        let digits = lowered.hasPrefix("as") ? String(lowered.dropFirst(2)) : lowered
        if let asn = Int(digits), let provider = index.provider(asn: asn) { return provider }
        return providers.first { provider in
            provider.name.lowercased() == lowered || provider.recognition.names.contains { $0.lowercased() == lowered }
        }
    }

    static func merge(base: KindRule, override: KindRule?, member: Jurisdiction) -> KindRule {
        var rule = base
        var provenance = base.provenance.mapValues { _ in "EU" }
        let code = member.code
        if let override {
            let set = override.provenance
            if set["regime"] != nil {
                rule.regime = override.regime
                provenance["regime"] = code
            }
            if set["legalBasis"] != nil {
                rule.legalBasis = override.legalBasis + base.legalBasis
                provenance["legalBasis"] = "\(code)+EU"
            }
            if set["elements"] != nil {
                rule.elements = base.elements + override.elements.filter { !base.elements.contains($0) }
                provenance["elements"] = "EU+\(code)"
            }
            if set["deadline"] != nil {
                rule.deadline = override.deadline
                provenance["deadline"] = code
            }
            if set["counterNotice"] != nil {
                rule.counterNotice = override.counterNotice
                provenance["counterNotice"] = code
            }
            if set["falseNotice"] != nil {
                rule.falseNotice = override.falseNotice
                provenance["falseNotice"] = code
            }
            if set["fastLanes"] != nil {
                rule.fastLanes = override.fastLanes + base.fastLanes
                provenance["fastLanes"] = "\(code)+EU"
            }
            if set["languages"] != nil {
                rule.languages = override.languages
                provenance["languages"] = code
            }
            if set["confidence"] != nil {
                rule.confidence = override.confidence
                provenance["confidence"] = code
            }
            if set["sources"] != nil {
                rule.sources = override.sources + base.sources
                provenance["sources"] = "\(code)+EU"
            }
            if set["notes"] != nil {
                rule.notes = [override.notes, base.notes].compactMap { $0 }.joined(separator: " ")
                provenance["notes"] = base.notes == nil ? code : "\(code)+EU"
            }
        }
        if rule.languages.isEmpty {
            rule.languages = member.letter.languages
            provenance["languages"] = code
        }
        rule.provenance = provenance
        return rule
    }
}

/// Lookup tables over the providers, built once, so that planning a target costs dictionary look-ups.
final class ProviderIndex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share between threads.
    private let byASN: [Int: Provider]
    private let byIANA: [String: Provider]
    private let byDomain: [String: Provider]
    private let byName: [String: Provider]
    private let cnames: [(suffix: String, provider: Provider)]
    private let patterns: [(regex: NSRegularExpression, provider: Provider)]
    /// The search engines, in id order.
    let searchEngines: [Provider]
    private let channels: [String: [InfringementKind: NoticeChannel]]

    init(providers: [Provider]) {
        var asn: [Int: Provider] = [:]
        var iana: [String: Provider] = [:]
        var domain: [String: Provider] = [:]
        var name: [String: Provider] = [:]
        var cnames: [(String, Provider)] = []
        var patterns: [(NSRegularExpression, Provider)] = []
        for provider in providers {
            for number in provider.recognition.asns where asn[number] == nil { asn[number] = provider }
            for id in provider.recognition.ianaRegistrarIds where iana[id] == nil { iana[id] = provider }
            for host in provider.recognition.domains where domain[host] == nil { domain[host] = provider }
            for alias in [provider.id, provider.name] + provider.recognition.names {
                if name[alias.lowercased()] == nil { name[alias.lowercased()] = provider }
            }
            cnames += provider.recognition.cnameSuffixes.map { ($0, provider) }
            for pattern in provider.recognition.rdapOrgPatterns {
                if let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) {
                    patterns.append((regex, provider))
                }
            }
        }
        searchEngines = providers.filter { $0.roles.contains(.searchEngine) }
        var channels: [String: [InfringementKind: NoticeChannel]] = [:]
        for provider in providers {
            for kind in InfringementKind.allCases {
                channels[provider.id, default: [:]][kind] = Self.noticeChannel(provider, kind: kind)
            }
        }
        self.channels = channels
        byASN = asn
        byIANA = iana
        byDomain = domain
        byName = name
        self.cnames = cnames
        self.patterns = patterns
    }

    func provider(asn: Int) -> Provider? { byASN[asn] }

    /// The provider's channel for a kind, with its limits and disclosure behaviour as notes.
    func channel(of provider: Provider, kind: InfringementKind) -> NoticeChannel {
        channels[provider.id]?[kind] ?? Self.noticeChannel(provider, kind: kind)
    }

    private static func noticeChannel(_ provider: Provider, kind: InfringementKind) -> NoticeChannel {
        guard let channel = provider.channel(for: kind) else {
            return NoticeChannel(kind: .unknown, address: nil, confidence: .uncertain)
        }
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
    func provider(ianaID: String) -> Provider? { byIANA[ianaID] }
    func provider(name: String) -> Provider? { byName[name.lowercased()] }

    func provider(domain: String) -> Provider? { byDomain[domain.lowercased()] }

    func provider(cname: String) -> Provider? {
        let host = cname.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return cnames.first { host == $0.suffix || host.hasSuffix("." + $0.suffix) }?.provider
    }

    func provider(organization: String) -> Provider? {
        let range = NSRange(organization.startIndex..., in: organization)
        return patterns.first { $0.regex.firstMatch(in: organization, range: range) != nil }?.provider
    }
}
