public import Foundation

/// A re-check, notice or history failure that a person should read: it names the input and what is wrong.
public struct WatchError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// What kind of failure this is, so a face (CLI, service) can pick its exit code or HTTP status.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String

        /// The input is malformed (a duration, an outcome word, a rung that the plan does not have).
        public static let badInput = Code(name: "badInput")
        /// Something named does not exist (a target, a case, a notice).
        public static let notFound = Code(name: "notFound")
        /// The store or the file system failed.
        public static let failure = Code(name: "failure")

        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// The sentence to print.
    public let description: String

    /// Creates an error of `code` with a sentence naming the input and the problem.
    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    public var errorDescription: String? { description }
}
