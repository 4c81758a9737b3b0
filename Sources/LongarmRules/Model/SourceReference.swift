import Foundation

/// A public source a fact rests on.
public struct SourceReference: Sendable, Codable, Hashable {
    /// What the source is: an act and article, a court decision, an official page.
    public var title: String
    /// Where it can be read, when there is an address.
    public var url: String?
}
