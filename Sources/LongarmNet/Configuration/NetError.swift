public import Foundation

/// A network failure that a person should read: it names the input and what went wrong.
public struct NetError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// What kind of failure this is, for callers that react differently (a warning, a retry, a fallback).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String

        /// A `--connect-to` rule or `LONGARM_CONNECT_TO` entry that cannot be parsed.
        public static let invalidConnectToRule = Code(name: "invalidConnectToRule")
        /// A server given as `HOST:PORT` (for `--dns`) or a URL that cannot be parsed.
        public static let invalidAddress = Code(name: "invalidAddress")
        /// Nothing answered within the time limit.
        public static let timedOut = Code(name: "timedOut")
        /// The connection could not be made (refused, unreachable, name not found).
        public static let connectionFailed = Code(name: "connectionFailed")
        /// The TLS peer's certificate did not verify against the trust store.
        public static let tlsVerificationFailed = Code(name: "tlsVerificationFailed")
        /// The target resolves to loopback, private or reserved space and private targets are not allowed.
        public static let privateAddressRefused = Code(name: "privateAddressRefused")
        /// The answer was longer than the byte limit.
        public static let responseTooLarge = Code(name: "responseTooLarge")
        /// A DNS message could not be decoded, or did not answer the question asked.
        public static let malformedResponse = Code(name: "malformedResponse")
        /// A CNAME chain points back to a name already seen.
        public static let cnameLoop = Code(name: "cnameLoop")
        /// A CNAME chain is longer than the depth limit.
        public static let cnameChainTooLong = Code(name: "cnameChainTooLong")
        /// Any other transfer failure reported by libcurl or the socket layer.
        public static let transferFailed = Code(name: "transferFailed")

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
