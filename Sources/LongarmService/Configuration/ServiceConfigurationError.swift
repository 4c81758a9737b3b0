public import Foundation

/// A configuration the service refuses to start with, with the sentence that says why.
public struct ServiceConfigurationError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The sentence to print, naming the option at fault.
    public let description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }

    public var errorDescription: String? { description }
}
