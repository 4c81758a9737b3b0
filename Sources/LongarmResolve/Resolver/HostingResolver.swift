public import Foundation
public import LongarmCore

/// Turns URLs into hosting profiles: DNS, then registration, origin AS, network, geolocation and CDN for
/// every address, with the source of each fact and a warning for each failure.
///
/// One resolver is one run: it shares work between URLs, so each registrable domain and each network is
/// looked up once however many URLs point at it. Create a new resolver to forget.
public final class HostingResolver: Sendable {
    /// The lookups the resolver combines.
    public struct Sources: Sendable {
        public var dns: any HostAddressLookup
        public var registration: any DomainRegistrationLookup
        public var network: any NetworkLookup
        public var asn: any OriginASNLookup
        public var geo: (any GeoLookup)?
        public var cdn: any CDNLookup
        public var policy: any AddressPolicy

        public init(
            dns: any HostAddressLookup,
            registration: any DomainRegistrationLookup,
            network: any NetworkLookup,
            asn: any OriginASNLookup,
            geo: (any GeoLookup)?,
            cdn: any CDNLookup,
            policy: any AddressPolicy
        ) {
            self.dns = dns
            self.registration = registration
            self.network = network
            self.asn = asn
            self.geo = geo
            self.cdn = cdn
            self.policy = policy
        }
    }

    private let sources: Sources
    private let now: @Sendable () -> Date
    private let concurrency: Int
    private let hosts = SingleFlight<String, Lookup<DNSFacts>>()
    private let domains = SingleFlight<String, Lookup<DomainFacts>>()
    private let origins = SingleFlight<String, Lookup<ASNOrigin>>()
    private let networks = SingleFlight<String, Lookup<NetworkFacts>>()
    private let describedAddresses = SingleFlight<String, DescribedAddress>()

    private struct DescribedAddress: Sendable {
        var facts: AddressFacts
        var warnings: [String]
    }

    /// Creates a resolver; `concurrency` bounds the URLs resolved at once.
    public init(sources: Sources, concurrency: Int = 256, now: @escaping @Sendable () -> Date = Date.init) {
        self.sources = sources
        self.concurrency = max(1, concurrency)
        self.now = now
    }

    /// Resolves every request, at most `concurrency` at a time, and returns the profiles in input order.
    public func resolve(_ requests: [ResolutionRequest]) async -> [HostingProfile] {
        var profiles = [HostingProfile?](repeating: nil, count: requests.count)
        await withTaskGroup(of: (Int, HostingProfile).self) { group in
            var next = 0
            func addNext() {
                guard next < requests.count else { return }
                let index = next
                let request = requests[index]
                group.addTask { (index, await self.resolve(request)) }
                next += 1
            }
            for _ in 0..<min(concurrency, requests.count) { addNext() }
            for await (index, profile) in group {
                profiles[index] = profile
                addNext()
            }
        }
        return profiles.map { $0! }
    }

    /// Resolves one URL. Never throws: what could not be learnt becomes a warning.
    public func resolve(_ request: ResolutionRequest) async -> HostingProfile {
        var profile = HostingProfile(
            url: request.url,
            canonicalUrl: request.canonicalUrl,
            host: request.host,
            registrableDomain: request.registrableDomain,
            resolvedAt: now()
        )
        async let registration = lookUpRegistration(request.registrableDomain)

        if request.hostIsAddress {
            let literal = request.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            if literal.contains(":") { profile.dns.aaaa = [literal] } else { profile.dns.a = [literal] }
        } else {
            let dns = await lookUpAddresses(request.host, registrableDomain: request.registrableDomain)
            profile.dns = dns.value ?? DNSFacts()
            profile.warnings += dns.warnings
        }

        let addresses = profile.dns.a + profile.dns.aaaa
        let refusals = addresses.compactMap { sources.policy.refusal(for: $0) }
        if !refusals.isEmpty {
            profile.warnings += refusals
            profile.warnings.append("\(request.host): not resolved further; the host points at forbidden addresses")
        } else {
            let (facts, warnings) = await describe(addresses)
            profile.addresses = facts
            profile.warnings += warnings
        }

        let domain = await registration
        profile.domain = domain.value
        profile.warnings += domain.warnings
        if addresses.isEmpty && profile.warnings.isEmpty {
            profile.warnings.append("\(request.host): DNS returned no addresses")
        }
        finish(&profile)
        profile.resolvedAt = now()
        return profile
    }

    /// DNS facts of a host, asked once per run however many URLs share the host.
    private func lookUpAddresses(_ host: String, registrableDomain: String?) async -> Lookup<DNSFacts> {
        let dns = sources.dns
        return await hosts.value(for: host.lowercased()) {
            await dns.resolve(host: host, registrableDomain: registrableDomain)
        }
    }

    private func lookUpRegistration(_ domain: String?) async -> Lookup<DomainFacts> {
        guard let domain else { return Lookup(nil) }
        let registration = sources.registration
        return await domains.value(for: domain) { await registration.lookup(domain: domain) }
    }

    /// Describes each address concurrently, keeping the DNS order.
    private func describe(_ addresses: [String]) async -> ([AddressFacts], [String]) {
        await withTaskGroup(of: (Int, AddressFacts, [String]).self) { group in
            for (index, ip) in addresses.enumerated() {
                group.addTask {
                    let (facts, warnings) = await self.describe(ip)
                    return (index, facts, warnings)
                }
            }
            var results = [(AddressFacts, [String])?](repeating: nil, count: addresses.count)
            for await (index, facts, warnings) in group { results[index] = (facts, warnings) }
            let described = results.compactMap { $0 }
            return (described.map(\.0), described.flatMap(\.1))
        }
    }

    /// The facts of one address, gathered once per run however many URLs resolve to it.
    private func describe(_ ip: String) async -> (AddressFacts, [String]) {
        let result = await describedAddresses.value(for: ip) {
            let (facts, warnings) = await self.gather(ip)
            return DescribedAddress(facts: facts, warnings: warnings)
        }
        return (result.facts, result.warnings)
    }

    private func gather(_ ip: String) async -> (AddressFacts, [String]) {
        var facts = AddressFacts(ip: ip)
        var warnings: [String] = []
        let asnLookup = sources.asn
        let origin = await origins.value(for: ip) { await asnLookup.lookup(ip: ip) }
        warnings += origin.warnings
        if let value = origin.value {
            facts.asn = value.asn
            facts.asName = value.asName
            facts.prefix = value.prefix
            facts.asnSource = value.source
        }
        let network = await network(for: ip, announcedPrefix: origin.value?.prefix)
        facts.network = network.value
        warnings += network.warnings
        facts.geo = sources.geo?.geo(ip: ip)
        facts.cdn = sources.cdn.match(ip: ip)?.name
        return (facts, warnings)
    }

    /// The network holding `ip`, shared with every address of the same announced prefix when the
    /// registry's network covers them, and looked up on its own when it does not.
    private func network(for ip: String, announcedPrefix: String?) async -> Lookup<NetworkFacts> {
        let lookup = sources.network
        let key = announcedPrefix ?? ip
        let shared = await networks.value(for: key) { await lookup.lookup(ip: ip) }
        guard key != ip, let cidr = shared.value?.cidr else { return shared }
        guard let address = IPAddress(ip) else { return shared }
        let covers = cidr.split(separator: ",").contains { CIDR(String($0).trimmed)?.contains(address) == true }
        if covers { return shared }
        return await networks.value(for: ip) { await lookup.lookup(ip: ip) }
    }

    /// Derives the CDN, the origin's visibility and the countries from the facts gathered.
    private func finish(_ profile: inout HostingProfile) {
        let edgeMatches = profile.addresses.map { sources.cdn.match(ip: $0.ip) }
        let cnameMatch = sources.cdn.match(cnameChain: profile.dns.cname)
        let cdn = edgeMatches.lazy.compactMap(\.self).first ?? cnameMatch
        profile.cdn = cdn
        // An address behind which the origin hides (a CDN or WAF edge) says nothing about where the content is;
        // a CNAME into such a CDN makes every address an edge, even one missing from the published ranges.
        let allEdges = cnameMatch.map { sources.cdn.origin(for: $0).hidden } ?? false
        let origins =
            allEdges
            ? []
            : zip(profile.addresses, edgeMatches)
                .filter { _, match in match.map { !sources.cdn.origin(for: $0).hidden } ?? true }
                .map(\.0)
        if let cdn {
            profile.countries.cdn = sources.cdn.operatorCountry(cdn: cdn.name)
            let origin = sources.cdn.origin(for: cdn)
            if origin.hidden && origins.isEmpty {
                profile.origin = origin
                profile.warnings.append(
                    "\(profile.host): served through \(cdn.name); the origin host and its country are hidden, and "
                        + "geolocation of \(cdn.name)'s anycast addresses says nothing about the origin"
                )
            }
        }

        var tally: [CountryCode: Int] = [:]
        var order: [CountryCode] = []
        for address in origins {
            guard let country = address.network?.country ?? address.geo?.country else { continue }
            if tally[country] == nil { order.append(country) }
            tally[country, default: 0] += 1
        }
        profile.countries.hosting = order.enumerated()
            .sorted { (tally[$0.element]!, -$0.offset) > (tally[$1.element]!, -$1.offset) }
            .map(\.element)
        for address in origins {
            if let registry = address.network?.country, let geo = address.geo?.country, registry != geo {
                profile.warnings.append(
                    "\(address.ip): the registry places the network in \(registry), geolocation in \(geo)"
                )
            }
        }
        profile.countries.registrar = profile.domain?.registrar?.country
        profile.countries.registrant = profile.domain?.registrant?.country
        if profile.countries.hosting.isEmpty && !profile.origin.hidden && !profile.addresses.isEmpty {
            profile.warnings.append("\(profile.host): no hosting country could be determined")
        }
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
