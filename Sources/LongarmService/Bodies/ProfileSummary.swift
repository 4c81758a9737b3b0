import Foundation
import LongarmCore
import LongarmStore

/// The facts of a hosting profile a client needs at a glance; the full profile stays in the store.
struct ProfileSummary: Encodable, Equatable {
    /// The fields of a stored `HostingProfile` the summary reads, and only those: decoding them is several times
    /// cheaper than decoding whole profiles, and `GET /v1/cases/{id}` reads one per target.
    struct Digest: Decodable, Sendable {
        struct Address: Decodable, Sendable {
            var ip: String
            var asn: Int?
        }
        struct DNS: Decodable, Sendable {
            var a: [String]
            var aaaa: [String]
        }
        struct Countries: Decodable, Sendable {
            var hosting: [String]
        }
        struct Named: Decodable, Sendable {
            var name: String?
        }
        struct Domain: Decodable, Sendable {
            var registrar: Named?
        }
        struct Origin: Decodable, Sendable {
            var hidden: Bool
        }

        var resolvedAt: Date
        var addresses: [Address]
        var dns: DNS
        var countries: Countries
        var cdn: Named?
        var domain: Domain?
        var origin: Origin
        var warnings: [String]
    }

    var profileId: Int64
    var resolvedAt: Date
    var addresses: [String]
    var asns: [Int]
    var hostingCountries: [String]
    var cdn: String?
    var registrar: String?
    var originHidden: Bool
    var warnings: [String]

    init(_ stored: LongarmStore.LatestValue<Digest>) {
        let digest = stored.value
        profileId = stored.id
        resolvedAt = digest.resolvedAt
        addresses = digest.addresses.map(\.ip)
        if addresses.isEmpty { addresses = digest.dns.a + digest.dns.aaaa }
        var seen = Set<Int>()
        asns = digest.addresses.compactMap(\.asn).filter { seen.insert($0).inserted }
        hostingCountries = digest.countries.hosting
        cdn = digest.cdn?.name
        registrar = digest.domain?.registrar?.name
        originHidden = digest.origin.hidden
        warnings = digest.warnings
    }
}

/// The latest plan of a target in brief: who is asked first and under which law.
struct PlanSummary: Encodable, Equatable {
    var planId: Int64
    var createdAt: Date
    var lawCountry: String?
    var rungs: Int
    var firstParty: String?

    /// The summary of a stored plan, read back whole: a plan row names shared frames, so only the store's plan
    /// reader can say what it holds.
    init(_ stored: LongarmStore.StoredPlan) {
        planId = stored.id
        createdAt = stored.createdAt
        lawCountry = stored.plan.lawCountry?.rawValue
        rungs = stored.plan.rungs.count
        firstParty = stored.plan.rungs.first?.party.name
    }
}
