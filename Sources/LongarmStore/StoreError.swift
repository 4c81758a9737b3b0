public import Foundation

/// A failure of the store that a person should read.
public struct StoreError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The sentence to print.
    public let description: String

    /// The database holds something it should not.
    static func inconsistent(_ detail: String) -> StoreError {
        StoreError(description: "database is inconsistent: \(detail)")
    }

    public var errorDescription: String? { description }
}
