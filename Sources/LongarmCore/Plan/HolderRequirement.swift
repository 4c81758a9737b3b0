import Foundation

/// Something the rights holder must still supply before a notice can be sent.
public struct HolderRequirement: Sendable, Codable, Hashable {
    /// The element the requirement satisfies.
    public var element: NoticeElement
    /// The jurisdiction whose rule asks for it.
    public var jurisdiction: String
    /// Why it is needed, in one sentence.
    public var reason: String
    /// How certain the requirement is.
    public var confidence: Confidence

    /// Creates a requirement.
    public init(element: NoticeElement, jurisdiction: String, reason: String, confidence: Confidence) {
        self.element = element
        self.jurisdiction = jurisdiction
        self.reason = reason
        self.confidence = confidence
    }
}
