public import LongarmCore

/// What one jurisdiction's law asks of a notice about one kind of infringement.
public struct KindRule: Sendable, Codable, Hashable {
    /// The kind the rule covers.
    public var kind: InfringementKind
    /// How hosts are made to act.
    public var regime: Regime
    /// The provisions a notice cites, national ones first.
    public var legalBasis: [LegalBasis]
    /// The elements a notice must contain.
    public var elements: [NoticeElement]
    /// How long the recipient has to act.
    public var deadline: NoticeDeadline?
    /// How the uploader may object and when content comes back.
    public var counterNotice: String?
    /// What a sender risks for a false notice.
    public var falseNotice: String?
    /// Faster statutory routes (intimate images, deepfakes).
    public var fastLanes: [FastLane]
    /// The languages to write in, most preferred first (BCP 47).
    public var languages: [String]
    /// How certain the rule is as a whole.
    public var confidence: Confidence
    /// Where the facts come from.
    public var sources: [SourceReference]
    /// Anything else worth knowing.
    public var notes: String?
    /// For a merged EU member rule: which layer (`EU` or the member's code) supplied each field.
    public var provenance: [String: String]
}

/// A faster statutory route for some content, such as intimate deepfakes.
public struct FastLane: Sendable, Codable, Hashable {
    /// The route's name (`TAKE IT DOWN Act`).
    public var name: String
    /// What content it covers.
    public var scope: String
    /// How fast the recipient must act.
    public var deadline: NoticeDeadline?
    /// The provisions behind it.
    public var legalBasis: [LegalBasis]
    /// How certain it is.
    public var confidence: Confidence
}
