public import Foundation

/// The shared secret a client presents as `Authorization: Bearer TOKEN`.
///
/// The token is compared in constant time (the time depends on the stored token's length only, never on how much
/// of a guess is right), and it never appears in a description or a log line.
public struct APIToken: Sendable, CustomStringConvertible {
    /// The shortest token accepted: 16 characters, so that a guess cannot succeed within any rate limit.
    public static let minimumLength = 16

    private let bytes: [UInt8]

    /// Creates a token from its text; surrounding whitespace (a token file's final newline) is dropped.
    ///
    /// - Throws: ``ServiceConfigurationError`` when the token is shorter than ``minimumLength`` or holds characters
    ///   a bearer token may not carry (RFC 6750: letters, digits and `-._~+/=`).
    public init(_ text: String, source: String = "the API token") throws(ServiceConfigurationError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= Self.minimumLength else {
            throw ServiceConfigurationError(
                "\(source): too short (\(trimmed.count) characters; at least \(Self.minimumLength))"
            )
        }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=".utf8)
        guard trimmed.utf8.allSatisfy(allowed.contains) else {
            throw ServiceConfigurationError("\(source): only letters, digits and -._~+/= may appear in a bearer token")
        }
        bytes = Array(trimmed.utf8)
    }

    /// Whether `presented` is the token, compared without an early exit.
    public func matches(_ presented: some Collection<UInt8>) -> Bool {
        let presented = Array(presented)
        var difference = UInt(bitPattern: presented.count ^ bytes.count)
        for index in bytes.indices {
            let byte = index < presented.count ? presented[index] : 0
            difference |= UInt(byte ^ bytes[index])
        }
        return difference == 0
    }

    public var description: String { "APIToken(\(bytes.count) characters, redacted)" }

    /// The token chosen by flag, then token-file flag, then `LONGARM_API_TOKEN`, then `LONGARM_API_TOKEN_FILE`.
    ///
    /// - Returns: `nil` when no source names a token.
    /// - Throws: ``ServiceConfigurationError`` when both flags are given, a file cannot be read, or the token is
    ///   not acceptable.
    public static func resolve(
        flag: String?,
        file: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ServiceConfigurationError) -> APIToken? {
        if flag != nil, file != nil {
            throw ServiceConfigurationError("--api-token and --api-token-file: give one, not both")
        }
        if let flag { return try APIToken(flag, source: "--api-token") }
        if let file { return try read(file, source: "--api-token-file \(file)") }
        if let text = environment["LONGARM_API_TOKEN"], !text.isEmpty {
            return try APIToken(text, source: "LONGARM_API_TOKEN")
        }
        if let path = environment["LONGARM_API_TOKEN_FILE"], !path.isEmpty {
            return try read(path, source: "LONGARM_API_TOKEN_FILE \(path)")
        }
        return nil
    }

    private static func read(_ path: String, source: String) throws(ServiceConfigurationError) -> APIToken {
        let text: String
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            // A token file is a few dozen bytes; refuse to read a large file named by mistake.
            let data = try handle.read(upToCount: 4096) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        } catch {
            throw ServiceConfigurationError("\(source): cannot be read (\(error.localizedDescription))")
        }
        return try APIToken(text, source: source)
    }
}
