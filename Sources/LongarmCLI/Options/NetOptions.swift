import ArgumentParser
import Foundation
import LongarmNet
import LongarmResolve

/// The network options every network-touching command takes (DESIGN.md's CLI contract); each falls back to
/// its environment variable, then to the default.
struct NetOptions: ParsableArguments {
    @Option(name: .long, help: "DNS server HOST:PORT to ask (env LONGARM_DNS; default: /etc/resolv.conf).")
    var dns: String?

    @Option(
        name: .customLong("rdap-bootstrap"),
        help: "Folder with IANA-format dns.json, ipv4.json, ipv6.json, asn.json (env LONGARM_RDAP_BOOTSTRAP)."
    )
    var rdapBootstrap: String?

    @Option(
        name: .customLong("connect-to"),
        help:
            "HOST:PORT:TARGET:TPORT connection override for HTTP, RDAP and WHOIS; repeatable (env LONGARM_CONNECT_TO)."
    )
    var connectTo: [String] = []

    @Option(name: .long, help: "MMDB country or city database to use (env LONGARM_GEOIP).")
    var geoip: String?

    @Option(name: .long, help: "CA bundle for TLS verification (env LONGARM_CACERT).")
    var cacert: String?

    @Flag(
        name: .customLong("allow-private-targets"),
        help: "Permit URLs whose host resolves to loopback or private space (env LONGARM_ALLOW_PRIVATE)."
    )
    var allowPrivateTargets = false

    @Option(name: .long, help: "Per-request limit in seconds (env LONGARM_TIMEOUT).")
    var timeout: Double?

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive, not \(timeout)") }
    }

    /// The network configuration: flags, then environment, then defaults.
    func configuration() throws -> NetConfiguration {
        do {
            return try NetConfiguration.fromEnvironment(
                connectTo: connectTo,
                dns: dns,
                caFile: cacert,
                timeout: timeout,
                allowPrivateTargets: allowPrivateTargets ? true : nil,
                version: LongarmVersion.current
            )
        } catch {
            throw CLIError(.usage, "\(error)")
        }
    }

    /// A resolver over the real clients and the chosen data.
    func resolver() throws -> HostingResolver {
        let configuration = try configuration()
        do {
            return try HostingResolver.live(
                configuration: configuration,
                data: HostingResolver.DataOptions(rdapBootstrap: rdapBootstrap, geoIP: geoip)
            )
        } catch {
            throw CLIError(.failure, "cannot set up resolution: \(error)")
        }
    }
}
