public import Foundation

/// A failure of evidence capture, storage, export or verification that a person will read.
public struct EvidenceError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// What kind of failure it is, for code that reacts to it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        /// A file could not be written, synced or read.
        public static let io = Code(name: "io")
        /// Stored bytes do not hash to their recorded digest.
        public static let integrity = Code(name: "integrity")
        /// The URL cannot be captured (malformed, private address, redirect loop).
        public static let badTarget = Code(name: "badTarget")
        /// A server answered with something unusable (a time-stamping authority's rejection).
        public static let badResponse = Code(name: "badResponse")
        /// A file to read is not what it claims to be (a bundle without manifest, a broken WARC).
        public static let badInput = Code(name: "badInput")
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// The sentence to print: names the input and what is wrong.
    public let description: String

    /// Creates an error.
    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    public var errorDescription: String? { description }
}
