import Foundation
import LongarmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plans many synthetic targets, to measure the planner: decoding stored profile JSON, then planning.
public struct PlanBenchmark: Sendable {
    /// The result of one run.
    public struct Result: Sendable {
        /// Targets planned.
        public var targets: Int
        /// Rungs produced in the planning pass.
        public var rungs: Int
        /// Seconds to decode the stored JSON of every profile and plan it.
        public var decodeAndPlanSeconds: Double
        /// Seconds to plan profiles already in memory.
        public var planSeconds: Double
        /// Processor seconds (user + system, all threads) spent decoding and planning.
        public var decodeAndPlanCPUSeconds: Double
        /// Processor seconds spent planning profiles already in memory.
        public var planCPUSeconds: Double
    }

    let planner: NoticePlanner

    /// Creates a benchmark over a planner.
    public init(planner: NoticePlanner) {
        self.planner = planner
    }

    /// Builds `count` profile JSON documents (untimed), then times two passes on `workers` tasks: decoding and
    /// planning the stored JSON, and planning already-decoded profiles.
    public func run(count: Int, workers: Int) async throws -> Result {
        let documents = try Self.profiles(count: count, book: planner.book)
        let chunks = Self.split(documents, into: max(workers, 1))
        let clock = ContinuousClock()
        var cpuStart = Self.processorSeconds()
        var start = clock.now
        let decoded = try await withThrowingTaskGroup(of: [HostingProfile].self) { group in
            for chunk in chunks {
                group.addTask { [planner] in
                    let decoder = JSONDecoder()
                    decoder.dateDecodingStrategy = .iso8601
                    var profiles: [HostingProfile] = []
                    profiles.reserveCapacity(chunk.count)
                    for (index, document) in chunk.enumerated() {
                        let profile = try decoder.decode(HostingProfile.self, from: document)
                        _ = planner.plan(profile, context: Self.context(index))
                        profiles.append(profile)
                    }
                    return profiles
                }
            }
            var all: [[HostingProfile]] = []
            for try await part in group { all.append(part) }
            return all
        }
        let decodeAndPlan = clock.now - start
        let decodeAndPlanCPU = Self.processorSeconds() - cpuStart
        cpuStart = Self.processorSeconds()
        start = clock.now
        let rungs = await withTaskGroup(of: Int.self) { group in
            for part in decoded {
                group.addTask { [planner] in
                    var total = 0
                    for (index, profile) in part.enumerated() {
                        total += planner.plan(profile, context: Self.context(index)).rungs.count
                    }
                    return total
                }
            }
            return await group.reduce(0, +)
        }
        let planOnly = clock.now - start
        let planCPU = Self.processorSeconds() - cpuStart
        return Result(
            targets: documents.count,
            rungs: rungs,
            decodeAndPlanSeconds: Self.seconds(decodeAndPlan),
            planSeconds: Self.seconds(planOnly),
            decodeAndPlanCPUSeconds: decodeAndPlanCPU,
            planCPUSeconds: planCPU
        )
    }

    static let contexts = InfringementKind.allCases.map {
        PlanningContext(kind: $0, holder: "bench", holderCountry: CountryCode(lenient: "CN"), ownsWork: true)
    }

    static func context(_ index: Int) -> PlanningContext {
        contexts[index % contexts.count]
    }

    /// User plus system processor time of the whole process, so that a busy machine does not skew the figure.
    static func processorSeconds() -> Double {
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

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func split<T>(_ items: [T], into parts: Int) -> [[T]] {
        let size = (items.count + parts - 1) / parts
        return stride(from: 0, to: items.count, by: max(size, 1)).map { Array(items[$0..<min($0 + size, items.count)]) }
    }

    /// Varied profiles: every jurisdiction, hosts from the registry, some behind a CDN, some WHOIS-only.
    static func profiles(count: Int, book: RuleBook) throws -> [Data] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let countries = book.jurisdictions.keys.filter { $0 != "EU" }.sorted().compactMap { CountryCode(lenient: $0) }
        let hosts = book.providers.filter { !$0.recognition.asns.isEmpty }
        let registrars = book.providers.filter { !$0.recognition.ianaRegistrarIds.isEmpty }
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        return try (0..<count).map { index in
            let country = countries[index % countries.count]
            let host = hosts[index % hosts.count]
            let registrar = registrars[index % registrars.count]
            let domain = "site\(index).example"
            let behindCDN = index % 4 == 0
            let whoisOnly = index % 10 == 7
            var profile = HostingProfile(
                url: "https://\(domain)/v/\(index)",
                canonicalUrl: "https://\(domain)/v/\(index)",
                host: domain,
                registrableDomain: domain,
                resolvedAt: date
            )
            profile.domain = DomainFacts(
                source: FactSource(.rdap, server: "rdap.example"),
                registrar: RegistrarFacts(name: registrar.name, ianaId: registrar.recognition.ianaRegistrarIds.first),
                registrant: RegistrantFacts(country: country, redacted: true)
            )
            if whoisOnly {
                profile.countries = CountryFacts(registrant: country)
            } else if behindCDN {
                profile.cdn = CDNMatch(
                    name: "Cloudflare",
                    source: FactSource(.ranges, server: "Data/cdn"),
                    evidence: "104.16.0.0/13"
                )
                profile.origin = OriginFacts(hidden: true, revealedBy: "Cloudflare's abuse form")
                profile.addresses = [AddressFacts(ip: "104.16.0.\(index % 250)", asn: 13335, cdn: "Cloudflare")]
                profile.countries = CountryFacts(hosting: [country], cdn: CountryCode(lenient: "US"))
            } else {
                let network = NetworkFacts(country: country, organization: host.name, abuseEmail: "abuse@host.example")
                profile.addresses = [
                    AddressFacts(ip: "192.0.2.\(index % 250)", asn: host.recognition.asns[0], network: network)
                ]
                profile.countries = CountryFacts(hosting: [country])
            }
            return try encoder.encode(profile)
        }
    }
}
