import Foundation

/// How long the recipient has to act on a notice.
public struct NoticeDeadline: Sendable, Codable, Hashable {
    /// The period as an ISO 8601 duration (`PT48H`, `P7D`), when the rule fixes one.
    public var duration: String?
    /// The period in words, always present (`expeditiously`, `48 hours`).
    public var text: String
    /// How certain the period is.
    public var confidence: Confidence

    /// Creates a deadline.
    public init(duration: String? = nil, text: String, confidence: Confidence) {
        self.duration = duration
        self.text = text
        self.confidence = confidence
    }
}
