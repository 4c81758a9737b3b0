public import Foundation

/// A letter that cannot be produced, with the sentence a person reads.
public struct LetterError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// The case lacks data a required element needs.
        public static let missingElements = Code(name: "missing-elements")
        /// The templates folder is missing a file or holds a broken one.
        public static let templates = Code(name: "templates")
        /// A requested language or format is not available.
        public static let unsupported = Code(name: "unsupported")
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// The sentence to print.
    public let description: String
    /// For ``Code/missingElements``: what is missing.
    public let missing: [MissingElement]

    /// Creates an error.
    public init(_ code: Code, _ description: String, missing: [MissingElement] = []) {
        self.code = code
        self.description = description
        self.missing = missing
    }

    public var errorDescription: String? { description }
}
