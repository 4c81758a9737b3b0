public import Foundation

/// Why `longarm data update` left the bootstrap folder as it was.
public struct RDAPBootstrapUpdateError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String

        /// No response (DNS, connection, TLS, timeout).
        public static let unreachable = Code(name: "unreachable")
        /// The server answered with an error status or too many redirects.
        public static let badResponse = Code(name: "bad response")
        /// The downloaded file is not a valid bootstrap file.
        public static let invalid = Code(name: "invalid")
        /// The new file lists far fewer entries than the current one.
        public static let shrunk = Code(name: "shrunk")
        /// The folder could not be written.
        public static let unwritable = Code(name: "unwritable")

        public var description: String { name }
    }

    /// The kind of problem.
    public var code: Code
    /// The URL or path concerned.
    public var subject: String
    /// What exactly is wrong.
    public var detail: String

    /// Creates an error about `subject`.
    public init(_ code: Code, subject: String, detail: String) {
        self.code = code
        self.subject = subject
        self.detail = detail
    }

    public var description: String { "\(subject): \(detail)" }

    public var errorDescription: String? { description }
}
