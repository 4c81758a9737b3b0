import Foundation

/// One recipient on the escalation ladder of a notice plan.
public struct NoticeRung: Sendable, Codable, Hashable {
    /// The part a party plays in holding or reaching the content.
    public enum Role: String, Sendable, Codable, Hashable, CaseIterable {
        /// The platform or site operator that publishes the content.
        case siteOperator = "site-operator"
        /// The hosting provider of the origin server (the IP network's owner).
        case originHost = "origin-host"
        /// The CDN or reverse proxy in front of the site.
        case cdn
        /// The domain's registrar.
        case registrar
        /// The registry of the domain's top-level domain.
        case registry
        /// The transit provider upstream of the origin host's network.
        case upstream
        /// A search engine, for delisting.
        case searchEngine = "search-engine"
    }

    /// The position on the ladder, from 1.
    public var step: Int
    /// The party's role.
    public var role: Role
    /// Who receives the notice.
    public var party: NoticeParty
    /// How to reach the party.
    public var channel: NoticeChannel
    /// The party's country: it decides how to reach the party, not which law governs the content.
    public var country: CountryCode?
    /// The regime that applies to this notice, as a code from the rules data (`statutory-takedown`, …).
    public var regime: String?
    /// The provisions the notice cites.
    public var legalBasis: [LegalBasis]
    /// The elements the notice must contain.
    public var requiredElements: [NoticeElement]
    /// How long the recipient has to act.
    public var deadline: NoticeDeadline?
    /// When to move on to the next rung.
    public var escalation: String
    /// The languages to write in, most preferred first (BCP 47).
    public var languages: [String]
    /// Why this rung, and what about it is uncertain.
    public var rationale: [String]
    /// True when this rung is sent at once, alongside the rung before it, rather than after it fails.
    public var parallel: Bool

    /// Creates a rung.
    public init(
        step: Int,
        role: Role,
        party: NoticeParty,
        channel: NoticeChannel,
        country: CountryCode?,
        regime: String?,
        legalBasis: [LegalBasis],
        requiredElements: [NoticeElement],
        deadline: NoticeDeadline?,
        escalation: String,
        languages: [String],
        rationale: [String],
        parallel: Bool
    ) {
        self.step = step
        self.role = role
        self.party = party
        self.channel = channel
        self.country = country
        self.regime = regime
        self.legalBasis = legalBasis
        self.requiredElements = requiredElements
        self.deadline = deadline
        self.escalation = escalation
        self.languages = languages
        self.rationale = rationale
        self.parallel = parallel
    }
}

/// The party of a rung: a provider from the registry, or a contact found by resolution.
public struct NoticeParty: Sendable, Codable, Hashable {
    /// The name to address.
    public var name: String
    /// The provider registry's id, when the party was matched there.
    public var providerID: String?
    /// What identified the party (`provider registry: asn 13335`, `rdap whois.arin.net`, …).
    public var identifiedBy: String
    /// An abuse e-mail address found by resolution, if any.
    public var abuseEmail: String?

    /// Creates a party.
    public init(name: String, providerID: String? = nil, identifiedBy: String, abuseEmail: String? = nil) {
        self.name = name
        self.providerID = providerID
        self.identifiedBy = identifiedBy
        self.abuseEmail = abuseEmail
    }
}

/// How a notice reaches its party.
public struct NoticeChannel: Sendable, Codable, Hashable {
    /// The means of delivery.
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        case email
        case webForm = "web-form"
        case api
        case post
        /// No channel is known yet; the rung's rationale says how to find one.
        case unknown
    }

    /// The means of delivery.
    public var kind: Kind
    /// The address, URL or endpoint; `nil` when unknown.
    public var address: String?
    /// Limits and disclosure behaviour worth knowing before sending.
    public var notes: [String]
    /// How certain the channel is.
    public var confidence: Confidence

    /// Creates a channel.
    public init(kind: Kind, address: String?, notes: [String] = [], confidence: Confidence) {
        self.kind = kind
        self.address = address
        self.notes = notes
        self.confidence = confidence
    }
}
