import Foundation

/// How far a fact in the rules or provider data can be trusted.
public enum Confidence: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// Checked against a retrieved source that the data names.
    case verified
    /// Believed accurate from background knowledge, not re-checked.
    case known
    /// Not confirmed: check before relying on it.
    case uncertain

    private var rank: Int {
        switch self {
        case .verified: 0
        case .known: 1
        case .uncertain: 2
        }
    }

    /// Orders from most to least certain, so `max` yields the weakest.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
