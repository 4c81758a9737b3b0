public import Foundation

/// The data folder could not be found.
public struct DataDirectoryError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// Where Longarm looked and what to do.
    public let description: String

    public var errorDescription: String? { description }
}
