import Foundation

/// One provision a notice relies on: the instrument and the article, with how certain the citation is.
public struct LegalBasis: Sendable, Codable, Hashable {
    /// The statute, regulation or code, for example `17 U.S.C.` or `Regulation (EU) 2022/2065 (DSA)`.
    public var instrument: String
    /// The article, section or rule within it, for example `§ 512(c)(3)(A)` or `Art. 16`.
    public var article: String
    /// What the provision does for the notice, in a few words.
    public var note: String?
    /// How certain the citation is.
    public var confidence: Confidence
    /// The jurisdiction whose data supplied it (`EU` for the common layer), when that matters.
    public var origin: String?

    /// Creates a legal basis.
    public init(
        instrument: String,
        article: String,
        note: String? = nil,
        confidence: Confidence = .known,
        origin: String? = nil
    ) {
        self.instrument = instrument
        self.article = article
        self.note = note
        self.confidence = confidence
        self.origin = origin
    }

    /// `instrument article`, as a letter would cite it.
    public var citation: String { "\(instrument) \(article)" }
}
