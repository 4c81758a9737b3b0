import LongarmCore

extension InfringementKind {
    /// A small dense number per kind, for tables indexed by kind without hashing.
    var ordinal: Int {
        switch self {
        case .copyright: 0
        case .portrait: 1
        case .reputation: 2
        case .privacy: 3
        case .trademark: 4
        }
    }

    /// How many ordinals there are.
    static let ordinalCount = 5
}
