import Foundation
import LongarmCore

/// The facts of a hosting profile a client needs at a glance; the full profile stays in the store.
struct ProfileSummary: Encodable, Equatable {
    var profileId: Int64
    var resolvedAt: Date
    var addresses: [String]
    var asns: [Int]
    var hostingCountries: [String]
    var cdn: String?
    var registrar: String?
    var originHidden: Bool
    var warnings: [String]

    init(id: Int64, profile: HostingProfile) {
        profileId = id
        resolvedAt = profile.resolvedAt
        addresses = profile.addresses.map(\.ip)
        if addresses.isEmpty { addresses = profile.dns.a + profile.dns.aaaa }
        var seen = Set<Int>()
        asns = profile.addresses.compactMap(\.asn).filter { seen.insert($0).inserted }
        hostingCountries = profile.countries.hosting.map(\.rawValue)
        cdn = profile.cdn?.name
        registrar = profile.domain?.registrar?.name
        originHidden = profile.origin.hidden
        warnings = profile.warnings
    }
}

/// The latest plan of a target in brief: who is asked first and under which law.
struct PlanSummary: Encodable, Equatable {
    var planId: Int64
    var createdAt: Date
    var lawCountry: String?
    var rungs: Int
    var firstParty: String?

    init(id: Int64, createdAt: Date, plan: NoticePlan) {
        planId = id
        self.createdAt = createdAt
        lawCountry = plan.lawCountry?.rawValue
        rungs = plan.rungs.count
        firstParty = plan.rungs.first?.party.name
    }
}
