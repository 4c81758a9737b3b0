/// How a notice ended, as the sender records it.
public enum NoticeOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The party removed the content.
    case removed
    /// The party refused.
    case refused
    /// The party never answered.
    case noReply = "no-reply"
    /// The party removed some of it.
    case partial
}
