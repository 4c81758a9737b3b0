public import Foundation

/// What one re-check saw.
public struct CheckObservation: Sendable, Hashable, Codable {
    /// The outcome of the fetch.
    public enum Outcome: Sendable, Hashable, Codable {
        /// A response arrived.
        case response(status: Int, contentPresent: Bool)
        /// No response: DNS failure, refused connection, timeout. The reason is a sentence.
        case unreachable(reason: String)
    }

    /// When the check ran.
    public var time: Date
    /// What the fetch gave.
    public var outcome: Outcome
    /// The hosting as resolved just before the fetch, when resolution ran.
    public var hosting: HostingSignature?

    public init(time: Date, outcome: Outcome, hosting: HostingSignature? = nil) {
        self.time = time
        self.outcome = outcome
        self.hosting = hosting
    }

    /// True when the response says the content is gone: HTTP 404, 410 or 451, or the captured content
    /// no longer served.
    public var saysGone: Bool {
        guard case .response(let status, let present) = outcome else { return false }
        return [404, 410, 451].contains(status) || !present
    }
}

/// The parts of a hosting profile whose change means the content moved.
public struct HostingSignature: Sendable, Hashable, Codable {
    public var addresses: [String]
    public var asns: [Int]
    public var hostingCountries: [CountryCode]
    public var cdn: String?
    public var registrar: String?

    public init(addresses: [String], asns: [Int], hostingCountries: [CountryCode], cdn: String?, registrar: String?) {
        self.addresses = addresses.sorted()
        self.asns = Array(Set(asns)).sorted()
        self.hostingCountries = Array(Set(hostingCountries)).sorted()
        self.cdn = cdn
        self.registrar = registrar
    }

    /// The signature of a profile.
    public init(_ profile: HostingProfile) {
        self.init(
            addresses: profile.addresses.map(\.ip),
            asns: profile.addresses.compactMap(\.asn),
            hostingCountries: profile.countries.hosting,
            cdn: profile.cdn?.name,
            registrar: profile.domain?.registrar?.ianaId ?? profile.domain?.registrar?.name
        )
    }

    /// The names of the parts that differ from `other`, for the history and the move warning.
    public func changes(from other: HostingSignature) -> [String] {
        var changed: [String] = []
        if addresses != other.addresses { changed.append("addresses") }
        if asns != other.asns { changed.append("ASN") }
        if hostingCountries != other.hostingCountries { changed.append("hosting country") }
        if cdn != other.cdn { changed.append("CDN") }
        if registrar != other.registrar { changed.append("registrar") }
        return changed
    }
}
