public import Foundation

/// Settings shared by Longarm's HTTP, DNS and WHOIS clients.
///
/// Sources, strongest first: command-line flags (passed to ``fromEnvironment(_:connectTo:dns:caFile:timeout:allowPrivateTargets:version:)``),
/// then the environment, then these defaults:
///
/// - `LONGARM_CONNECT_TO`: comma-separated `HOST:PORT:TARGET:TPORT` rules, applied to HTTP (curl's
///   `CURLOPT_CONNECT_TO`) and to WHOIS connections. With connect-to rules HTTP never needs DNS: curl still
///   asks the system resolver for names no rule covers.
/// - `LONGARM_DNS`: the DNS server `HOST:PORT` (IPv6 as `[::1]:53`); default: `nameserver` lines of
///   `/etc/resolv.conf`, port 53.
/// - `LONGARM_CACERT`: a PEM file of trusted CA certificates, used instead of the system store.
/// - `LONGARM_TIMEOUT`: seconds allowed for one request.
/// - `LONGARM_ALLOW_PRIVATE`: `1`/`true` permits targets in loopback, private or reserved space.
public struct NetConfiguration: Sendable {
    /// Connect-to overrides, first match wins.
    public var connectTo: [ConnectToRule]
    /// Limit for one HTTP exchange, DNS exchange or WHOIS query when the request names none.
    public var timeout: Duration
    /// Limit for establishing a TCP connection.
    public var connectTimeout: Duration
    /// A PEM bundle of trusted CAs, replacing the system store.
    public var caFile: String?
    /// The `User-Agent` sent with HTTP requests.
    public var userAgent: String
    /// DNS servers to ask, in order; empty means `/etc/resolv.conf`.
    public var dnsServers: [SocketEndpoint]
    /// Whether targets in non-public address space are permitted.
    public var allowPrivateTargets: Bool
    /// Byte limit of one WHOIS answer.
    public var whoisMaxBytes: Int
    /// Attempts per DNS server over UDP before giving up on it.
    public var dnsAttempts: Int

    /// Creates a configuration; the defaults suit production use.
    public init(
        connectTo: [ConnectToRule] = [],
        timeout: Duration = .seconds(15),
        connectTimeout: Duration = .seconds(10),
        caFile: String? = nil,
        userAgent: String = "Longarm",
        dnsServers: [SocketEndpoint] = [],
        allowPrivateTargets: Bool = false,
        whoisMaxBytes: Int = 1 << 20,
        dnsAttempts: Int = 2
    ) {
        self.connectTo = connectTo
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.caFile = caFile
        self.userAgent = userAgent
        self.dnsServers = dnsServers
        self.allowPrivateTargets = allowPrivateTargets
        self.whoisMaxBytes = whoisMaxBytes
        self.dnsAttempts = dnsAttempts
    }

    /// Builds a configuration from flags (non-`nil`/non-empty values win) and the environment.
    ///
    /// - Parameters:
    ///   - environment: usually `ProcessInfo.processInfo.environment`.
    ///   - connectTo: `--connect-to` values, each possibly comma-separated; replace `LONGARM_CONNECT_TO` when given.
    ///   - dns: `--dns HOST:PORT`.
    ///   - caFile: `--cacert FILE`.
    ///   - timeout: `--timeout SECONDS`.
    ///   - allowPrivateTargets: `--allow-private-targets` when set.
    ///   - version: Longarm's version, for `User-Agent: Longarm/<version>`.
    /// - Throws: ``NetError`` naming a malformed rule, server or number.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        connectTo: [String] = [],
        dns: String? = nil,
        caFile: String? = nil,
        timeout: Double? = nil,
        allowPrivateTargets: Bool? = nil,
        version: String
    ) throws -> NetConfiguration {
        var configuration = NetConfiguration(userAgent: "Longarm/\(version)")
        let ruleTexts = connectTo.isEmpty ? [environment["LONGARM_CONNECT_TO"] ?? ""] : connectTo
        configuration.connectTo = try ConnectToRule.parseList(ruleTexts)
        if let server = dns ?? environment["LONGARM_DNS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            configuration.dnsServers = try server.split(separator: ",").map {
                try SocketEndpoint(parsing: String($0).trimmingCharacters(in: .whitespaces), defaultPort: 53)
            }
        }
        configuration.caFile = caFile ?? environment["LONGARM_CACERT"].flatMap { $0.isEmpty ? nil : $0 }
        if let seconds = try timeout ?? environment["LONGARM_TIMEOUT"].map(Self.seconds) {
            configuration.timeout = .milliseconds(Int64(seconds * 1000))
            configuration.connectTimeout = min(configuration.connectTimeout, configuration.timeout)
        }
        if let allow = allowPrivateTargets {
            configuration.allowPrivateTargets = allow
        } else if let value = environment["LONGARM_ALLOW_PRIVATE"]?.lowercased() {
            configuration.allowPrivateTargets = ["1", "true", "yes"].contains(value)
        }
        return configuration
    }

    /// The guard these settings call for.
    public var addressGuard: PrivateAddressGuard { PrivateAddressGuard(allowPrivate: allowPrivateTargets) }

    private static func seconds(_ text: String) throws -> Double {
        guard let value = Double(text), value > 0, value.isFinite else {
            throw NetError(.invalidAddress, "LONGARM_TIMEOUT \"\(text)\" is not a positive number of seconds")
        }
        return value
    }
}
