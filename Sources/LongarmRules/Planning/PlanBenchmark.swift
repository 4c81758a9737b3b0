import Foundation
import LongarmCore

/// Plans many synthetic targets, to measure the planner: decoding stored profile JSON, then planning.
public struct PlanBenchmark: Sendable {
    /// The result of one run.
    public struct Result: Sendable {
        public var targets: Int
        public var rungs: Int
        public var seconds: Double
    }

    let planner: NoticePlanner

    /// Creates a benchmark over a planner.
    public init(planner: NoticePlanner) {
        self.planner = planner
    }

    /// Builds `count` profile JSON documents (untimed), then decodes and plans them on `workers` tasks (timed).
    public func run(count: Int, workers: Int) async throws -> Result {
        let documents = try Self.profiles(count: count, book: planner.book)
        let clock = ContinuousClock()
        let start = clock.now
        let chunk = (documents.count + workers - 1) / max(workers, 1)
        let rungs = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                let slice = Array(documents.dropFirst(worker * chunk).prefix(chunk))
                group.addTask { [planner] in
                    let decoder = JSONDecoder()
                    decoder.dateDecodingStrategy = .iso8601
                    var total = 0
                    for (index, document) in slice.enumerated() {
                        let profile = try decoder.decode(HostingProfile.self, from: document)
                        let kind = InfringementKind.allCases[index % InfringementKind.allCases.count]
                        let plan = planner.plan(
                            profile,
                            context: PlanningContext(kind: kind, holder: "bench", ownsWork: true)
                        )
                        total += plan.rungs.count
                    }
                    return total
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(targets: documents.count, rungs: rungs, seconds: seconds)
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
