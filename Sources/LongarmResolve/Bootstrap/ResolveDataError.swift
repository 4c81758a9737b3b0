public import Foundation

/// A data file of Longarm's resolution layer (bootstrap, WHOIS table, CDN ranges, MMDB) that cannot be used.
public struct ResolveDataError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String

        /// The file does not exist.
        public static let notFound = Code(name: "not found")
        /// The file exists but could not be read.
        public static let unreadable = Code(name: "unreadable")
        /// The file's content does not have the expected shape.
        public static let malformed = Code(name: "malformed")

        public var description: String { name }
    }

    /// The kind of problem.
    public var code: Code
    /// The file (path or name) at fault.
    public var file: String
    /// What exactly is wrong.
    public var detail: String

    /// Creates an error about `file`.
    public init(_ code: Code, file: String, detail: String) {
        self.code = code
        self.file = file
        self.detail = detail
    }

    public var description: String { "\(file): \(detail)" }

    public var errorDescription: String? { description }
}
