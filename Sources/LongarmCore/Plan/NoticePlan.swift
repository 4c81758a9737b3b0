public import Foundation

/// Who to notify about one URL, in what order, under which law, with which elements, by when.
///
/// The JSON form of this value is part of Longarm's CLI contract (`longarm plan --json`).
public struct NoticePlan: Sendable, Codable, Hashable {
    /// Where the country whose law governs the content came from.
    public enum LawSource: String, Sendable, Codable, Hashable {
        /// The origin host's country: the normal case.
        case originHost = "origin-host"
        /// The registrant's country, because no hosting country was known.
        case registrant
        /// The registrar's country, because neither hosting nor registrant country was known.
        case registrar
        /// No country was known: the plan relies on the providers' own terms.
        case none
    }

    /// The URL planned for.
    public var url: String
    /// The kind of infringement.
    public var kind: InfringementKind
    /// The country whose law governs the content.
    public var lawCountry: CountryCode?
    /// Where `lawCountry` came from.
    public var lawSource: LawSource
    /// The regime of the governing rule (`statutory-takedown`, `knowledge-based`, …), if a rule was found.
    public var regime: String?
    /// The recipients, in order.
    public var rungs: [NoticeRung]
    /// What the holder must still supply.
    public var missingFromHolder: [HolderRequirement]
    /// Faster statutory routes that may apply (for example for intimate deepfakes), one sentence each.
    public var fastLanes: [String]
    /// What the plan could not settle, one sentence each.
    public var warnings: [String]
    /// When the profile the plan rests on was resolved.
    public var profileResolvedAt: Date

    /// Creates a plan.
    public init(
        url: String,
        kind: InfringementKind,
        lawCountry: CountryCode?,
        lawSource: LawSource,
        regime: String?,
        rungs: [NoticeRung],
        missingFromHolder: [HolderRequirement],
        fastLanes: [String],
        warnings: [String],
        profileResolvedAt: Date
    ) {
        self.url = url
        self.kind = kind
        self.lawCountry = lawCountry
        self.lawSource = lawSource
        self.regime = regime
        self.rungs = rungs
        self.missingFromHolder = missingFromHolder
        self.fastLanes = fastLanes
        self.warnings = warnings
        self.profileResolvedAt = profileResolvedAt
    }
}
