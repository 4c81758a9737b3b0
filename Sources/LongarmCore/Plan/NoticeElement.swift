import Foundation

/// The id of one element a notice must contain, for example `identify-material-url`.
///
/// The vocabulary of valid ids, with a description of each, lives in one place: the rules data file
/// `Data/jurisdictions/elements.yaml`. This type only carries an id; the rules loader rejects ids that the
/// vocabulary does not define.
public struct NoticeElement: RawRepresentable, Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    /// The id, lower-case words joined by hyphens.
    public let rawValue: String

    /// Wraps an id; validity is checked against the vocabulary by the rules loader.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps an id.
    public init(_ id: String) {
        self.rawValue = id
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
