public import Foundation

/// A problem with something a user submitted: a URL, a kind, a row of a batch.
public struct IntakeError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// What went wrong, in a form code can switch on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        public var description: String { name }

        /// The text is not a URL at all.
        public static let malformedURL = Code(name: "malformed URL")
        /// The URL's scheme is not `http` or `https`.
        public static let unsupportedScheme = Code(name: "unsupported scheme")
        /// The URL has no host, or the host is not a valid domain name or address.
        public static let invalidHost = Code(name: "invalid host")
        /// The kind of infringement is not one Longarm knows.
        public static let unknownKind = Code(name: "unknown kind")
        /// The country code is not an ISO 3166-1 alpha-2 code.
        public static let unknownCountry = Code(name: "unknown country")
        /// A batch row lacks a required column or cannot be parsed.
        public static let badRow = Code(name: "bad row")
    }

    /// The category of the problem.
    public let code: Code
    /// The offending input, verbatim.
    public let input: String
    /// Extra detail, if any.
    public let detail: String?

    /// Creates an error for `input`.
    public init(_ code: Code, input: String, detail: String? = nil) {
        self.code = code
        self.input = input
        self.detail = detail
    }

    public var description: String {
        var text = "\(code): \"\(input)\""
        if let detail { text += " (\(detail))" }
        return text
    }

    public var errorDescription: String? { description }
}

extension IntakeError.Code {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
