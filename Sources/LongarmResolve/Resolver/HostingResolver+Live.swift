import Foundation
public import LongarmCore
public import LongarmNet

extension HostingResolver {
    /// Where the resolver's data comes from: each `nil` means the environment, then the shipped data.
    public struct DataOptions: Sendable {
        /// A folder in IANA's bootstrap format (`--rdap-bootstrap`).
        public var rdapBootstrap: String?
        /// An MMDB database (`--geoip`).
        public var geoIP: String?

        public init(rdapBootstrap: String? = nil, geoIP: String? = nil) {
            self.rdapBootstrap = rdapBootstrap
            self.geoIP = geoIP
        }
    }

    /// A resolver over the real clients: DNS on the wire, libcurl for RDAP, TCP for WHOIS, the shipped
    /// bootstrap, WHOIS table, CDN ranges and geolocation database.
    public static func live(
        configuration: NetConfiguration,
        data: DataOptions = DataOptions(),
        http: (any HTTPFetching)? = nil
    ) throws -> HostingResolver {
        let dns = try DNSClient(configuration: configuration)
        let policy = configuration.addressGuard
        let fetcher = RDAPFetcher(
            http: http ?? CurlHTTPClient(configuration: configuration),
            timeout: configuration.timeout,
            policy: policy
        )
        let bootstrap = try RDAPBootstrap.open(override: data.rdapBootstrap)
        let sources = Sources(
            dns: DNSAddressLookup(client: dns),
            registration: RegistrationLookup(
                bootstrap: bootstrap,
                fetcher: fetcher,
                whois: WHOISClient(configuration: configuration),
                servers: try WHOISServerTable.loadShipped(),
                policy: policy
            ),
            network: RDAPNetworkLookup(bootstrap: bootstrap, fetcher: fetcher),
            asn: CymruOriginLookup(resolver: dns),
            geo: try GeoIPDatabase.open(override: data.geoIP),
            cdn: try CDNDetector.loadShipped(),
            policy: policy
        )
        return HostingResolver(sources: sources)
    }
}
