import Foundation

/// How a jurisdiction makes a host act on a notice.
public enum Regime: String, Sendable, Codable, Hashable, CaseIterable {
    /// A statute or regulation fixes the notice's elements and the process (forward, counter-notice, restore).
    case statutoryTakedown = "statutory-takedown"
    /// The intermediary must forward the notice but need not remove anything.
    case noticeAndNotice = "notice-and-notice"
    /// A notice creates knowledge, which ends the host's immunity, but no form is prescribed.
    case knowledgeBased = "knowledge-based"
    /// No legal duty: removal is voluntary under the host's terms.
    case termsOfService = "terms-of-service"
    /// A court (or authority) order is needed before a host can be compelled.
    case courtOrder = "court-order"
    /// A regulator orders removal on the victim's complaint.
    case regulator
}
