public import Foundation

/// Why an RDAP response could not be read.
public struct RDAPError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// The response was larger than the byte limit.
        public static let tooLarge = Code(rawValue: "tooLarge")
        /// The bytes are not JSON.
        public static let malformedJSON = Code(rawValue: "malformedJSON")
        /// The JSON is not an RDAP object (not an object, or no recognisable class).
        public static let notAnRDAPObject = Code(rawValue: "notAnRDAPObject")
    }

    /// The kind of failure.
    public let code: Code
    /// Where the document came from (a URL or a file name).
    public let input: String
    /// What is wrong, in words.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, input: String, detail: String) {
        self.code = code
        self.input = input
        self.detail = detail
    }

    /// A sentence naming the input and the problem.
    public var description: String { "\(input): \(detail)" }
    /// The same sentence as `description`.
    public var errorDescription: String? { description }
}
