import Foundation
public import LongarmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plans many synthetic profiles already in memory, to measure the planner alone; the synthetic profiles also
/// feed the stored-case benchmark (`PlanningBenchmark` in LongarmWorkflow).
public struct PlanBenchmark: Sendable {
    /// The result of one run.
    public struct Result: Sendable {
        /// Targets planned.
        public var targets: Int
        /// Rungs produced.
        public var rungs: Int
        /// Wall-clock seconds to plan profiles already in memory.
        public var planSeconds: Double
        /// Processor seconds (user + system, all threads) spent planning.
        public var planCPUSeconds: Double
    }

    let planner: NoticePlanner

    /// Creates a benchmark over a planner.
    public init(planner: NoticePlanner) {
        self.planner = planner
    }

    /// Builds `count` profiles (untimed), then times planning them on `workers` tasks.
    public func run(count: Int, workers: Int) async -> Result {
        let profiles = Self.profiles(count: count, book: planner.book)
        let parts = Self.split(Array(profiles.enumerated()), into: max(workers, 1))
        let clock = ContinuousClock()
        let cpuStart = Self.processorSeconds()
        let start = clock.now
        let rungs = await withTaskGroup(of: Int.self) { group in
            for part in parts {
                group.addTask { [planner] in
                    var total = 0
                    for (index, profile) in part {
                        total += planner.plan(profile, context: Self.context(index)).rungs.count
                    }
                    return total
                }
            }
            return await group.reduce(0, +)
        }
        let elapsed = clock.now - start
        return Result(
            targets: profiles.count,
            rungs: rungs,
            planSeconds: Self.seconds(elapsed),
            planCPUSeconds: Self.processorSeconds() - cpuStart
        )
    }

    /// The five kinds in turn, for a holder in China who owns the work.
    static let contexts = InfringementKind.allCases.map {
        PlanningContext(kind: $0, holder: "bench", holderCountry: CountryCode(lenient: "CN"), ownsWork: true)
    }

    /// The context of synthetic target `index`: the kinds in turn.
    public static func context(_ index: Int) -> PlanningContext {
        contexts[index % contexts.count]
    }

    /// User plus system processor time of the whole process, so that a busy machine does not skew the figure.
    public static func processorSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    /// A duration in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        duration.seconds
    }

    static func split<T>(_ items: [T], into parts: Int) -> [[T]] {
        let size = (items.count + parts - 1) / parts
        return stride(from: 0, to: items.count, by: max(size, 1)).map { Array(items[$0..<min($0 + size, items.count)]) }
    }

    /// Varied profiles: every jurisdiction, hosts from the registry, some behind a CDN, some WHOIS-only.
    public static func profiles(count: Int, book: RuleBook) -> [HostingProfile] {
        let countries = book.jurisdictions.keys.filter { $0 != "EU" }.sorted().compactMap { CountryCode(lenient: $0) }
        let hosts = book.providers.filter { !$0.recognition.asns.isEmpty }
        let registrars = book.providers.filter { !$0.recognition.ianaRegistrarIds.isEmpty }
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        return (0..<count).map { index in
            let country = countries[index % countries.count]
            let host = hosts[index % hosts.count]
            let registrar = registrars[index % registrars.count]
            let domain = "site\(index).example"
            let behindCDN = index % 4 == 0
            let whoisOnly = index % 10 == 7
            let dnsSource = FactSource(.dns, server: "127.0.0.1:53")
            let rdap = FactSource(.rdap, server: "https://rdap.example/ip/")
            var profile = HostingProfile(
                url: "https://\(domain)/v/\(index)",
                canonicalUrl: "https://\(domain)/v/\(index)",
                host: domain,
                registrableDomain: domain,
                dns: DNSFacts(
                    a: ["192.0.2.\(index % 250)"],
                    ns: ["ns1.\(domain)", "ns2.\(domain)"],
                    source: dnsSource
                ),
                resolvedAt: date
            )
            profile.domain = DomainFacts(
                source: FactSource(.rdap, server: "https://rdap.example/domain/\(domain)"),
                registrar: RegistrarFacts(
                    name: registrar.name,
                    ianaId: registrar.recognition.ianaRegistrarIds.first,
                    abuseEmail: "abuse@registrar.example",
                    abusePhone: "+1.5555550100"
                ),
                registrant: RegistrantFacts(country: country, redacted: true),
                created: date.addingTimeInterval(-86_400 * 400),
                expires: date.addingTimeInterval(86_400 * 330),
                status: ["client transfer prohibited", "active"]
            )
            let geo = GeoFacts(country: country, source: FactSource(.mmdb, server: "Data/geo/country.mmdb"))
            if whoisOnly {
                profile.domain?.source = FactSource(.whois, server: "whois.example:43")
                profile.countries = CountryFacts(registrant: country)
                profile.warnings = ["no address for \(domain): NXDOMAIN"]
                profile.dns = DNSFacts(ns: ["ns1.\(domain)"], source: dnsSource)
            } else if behindCDN {
                profile.cdn = CDNMatch(
                    name: "Cloudflare",
                    source: FactSource(.ranges, server: "Data/cdn"),
                    evidence: "104.16.0.0/13"
                )
                profile.origin = OriginFacts(hidden: true, revealedBy: "Cloudflare's abuse form")
                profile.addresses = [
                    AddressFacts(
                        ip: "104.16.0.\(index % 250)",
                        asn: 13335,
                        asName: "CLOUDFLARENET",
                        prefix: "104.16.0.0/13",
                        asnSource: FactSource(.cymru, server: "origin.asn.cymru.com"),
                        geo: GeoFacts(country: CountryCode(lenient: "US"), source: geo.source),
                        cdn: "Cloudflare"
                    )
                ]
                profile.countries = CountryFacts(hosting: [country], cdn: CountryCode(lenient: "US"))
            } else {
                let network = NetworkFacts(
                    name: "NET-\(index)",
                    handle: "NET-192-0-2-0-\(index)",
                    cidr: "192.0.2.0/24",
                    country: country,
                    registry: "RIPE",
                    organization: host.name,
                    abuseEmail: "abuse@host.example",
                    source: rdap
                )
                profile.addresses = [
                    AddressFacts(
                        ip: "192.0.2.\(index % 250)",
                        asn: host.recognition.asns[0],
                        asName: host.name.uppercased(),
                        prefix: "192.0.2.0/24",
                        asnSource: FactSource(.cymru, server: "origin.asn.cymru.com"),
                        network: network,
                        geo: geo
                    )
                ]
                profile.countries = CountryFacts(hosting: [country], registrar: registrar.country)
            }
            return profile
        }
    }
}
