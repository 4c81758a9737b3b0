import Foundation
import LongarmCore

/// One connect-to override, curl's `HOST:PORT:TARGET:TPORT`: connections meant for `HOST:PORT` go to `TARGET:TPORT`.
///
/// An empty `HOST` or `PORT` matches any; an empty `TARGET` or `TPORT` keeps the original. IPv6 addresses are
/// written in brackets (`[::1]`). The same rules are handed to libcurl (`CURLOPT_CONNECT_TO`) and applied by
/// Longarm's own TCP connections (WHOIS), so one list sends every connection of a run to local servers.
public struct ConnectToRule: Sendable, Hashable, CustomStringConvertible {
    /// The host to match, lower-case, without brackets; `nil` matches any host.
    public var host: String?
    /// The port to match; `nil` matches any port.
    public var port: Int?
    /// Where to connect instead, without brackets; `nil` keeps the original host.
    public var target: String?
    /// The port to connect to instead; `nil` keeps the original port.
    public var targetPort: Int?

    /// Creates a rule from its parts.
    public init(host: String?, port: Int?, target: String?, targetPort: Int?) {
        self.host = host?.lowercased()
        self.port = port
        self.target = target
        self.targetPort = targetPort
    }

    /// Parses `HOST:PORT:TARGET:TPORT`; throws an error naming the rule when it is malformed.
    public init(parsing text: String) throws {
        let fields = try Self.split(text)
        guard fields.count == 4 else {
            throw NetError(
                .invalidConnectToRule,
                "connect-to rule \"\(text)\": expected HOST:PORT:TARGET:TPORT (4 fields), found \(fields.count)"
            )
        }
        self.host = fields[0].isEmpty ? nil : fields[0].lowercased()
        self.port = try Self.port(fields[1], in: text)
        self.target = fields[2].isEmpty ? nil : fields[2]
        self.targetPort = try Self.port(fields[3], in: text)
        if let host, !Self.isPlausibleHost(host) {
            throw NetError(.invalidConnectToRule, "connect-to rule \"\(text)\": \"\(host)\" is not a host name")
        }
        if let target, !Self.isPlausibleHost(target) {
            throw NetError(.invalidConnectToRule, "connect-to rule \"\(text)\": \"\(target)\" is not a host name")
        }
    }

    /// Parses several rules, each entry of `texts` possibly holding a comma-separated list (`LONGARM_CONNECT_TO`).
    public static func parseList(_ texts: [String]) throws -> [ConnectToRule] {
        try texts.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { try ConnectToRule(parsing: $0) }
    }

    /// Whether a connection to `host:port` is redirected by this rule.
    public func matches(host: String, port: Int) -> Bool {
        if let wantedPort = self.port, wantedPort != port { return false }
        if let wantedHost = self.host, wantedHost != Self.unbracketed(host).lowercased() { return false }
        return true
    }

    /// Where a connection to `host:port` goes under this rule.
    public func destination(host: String, port: Int) -> (host: String, port: Int) {
        (target ?? Self.unbracketed(host), targetPort ?? port)
    }

    /// The rule in curl's syntax, IPv6 addresses bracketed.
    public var description: String {
        "\(host.map(Self.bracketed) ?? ""):\(port.map(String.init) ?? ""):"
            + "\(target.map(Self.bracketed) ?? ""):\(targetPort.map(String.init) ?? "")"
    }

    /// The first rule of `rules` that matches `host:port`, and where it sends the connection.
    public static func destination(
        for host: String,
        port: Int,
        in rules: [ConnectToRule]
    ) -> (host: String, port: Int)? {
        rules.first { $0.matches(host: host, port: port) }?.destination(host: host, port: port)
    }

    // Splits on colons outside brackets, so `[2001:db8::1]` stays one field.
    private static func split(_ text: String) throws -> [String] {
        var fields: [String] = []
        var current = ""
        var inBrackets = false
        for character in text {
            switch character {
            case "[" where !inBrackets && current.isEmpty:
                inBrackets = true
            case "]" where inBrackets:
                inBrackets = false
            case ":" where !inBrackets:
                fields.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        if inBrackets {
            throw NetError(.invalidConnectToRule, "connect-to rule \"\(text)\": unclosed \"[\"")
        }
        fields.append(current)
        return fields
    }

    private static func port(_ field: String, in text: String) throws -> Int? {
        if field.isEmpty { return nil }
        guard let value = Int(field), (1...65535).contains(value) else {
            throw NetError(.invalidConnectToRule, "connect-to rule \"\(text)\": port \"\(field)\" is not 1–65535")
        }
        return value
    }

    private static func isPlausibleHost(_ host: String) -> Bool {
        if IPAddress(host) != nil { return true }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")
        return host.allSatisfy { allowed.contains($0) } && !host.hasPrefix(".") && !host.contains("..")
    }

    static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    static func bracketed(_ host: String) -> String {
        // A byte search: Foundation's contains(_:) shows up when every request lists the rules for curl.
        host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]" : host
    }
}
