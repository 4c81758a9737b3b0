public import Foundation

/// Why a WHOIS answer could not be read.
public struct WHOISError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// The answer was larger than the byte limit.
        public static let tooLarge = Code(rawValue: "tooLarge")
        /// The answer was empty.
        public static let empty = Code(rawValue: "empty")
        /// The answer is binary data, not text.
        public static let notText = Code(rawValue: "notText")
    }

    /// The HTTP status code the server reported.
    public let code: Code
    /// Where the answer came from (a server or file).
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
