import Foundation
import LongarmCore
import LongarmRules
import Testing

/// The planner's precomputed table must give exactly the plans computed on the spot, for every kind, ownership
/// and residence of the holder, and share the rules' stored values between plans under the same rule.
@Suite struct PlanningTableTests {
    static let planner = NoticePlanner(book: TestData.book)
    /// The same rules without the table: every plan's rule-dependent part is computed from the book again.
    static let reference = NoticePlanner(book: TestData.book, precomputed: false)

    /// The benchmark's varied profiles (every jurisdiction; CDN-fronted, WHOIS-only and plain hosts) plus the
    /// golden samples, which add an unknown country, no country at all and a platform domain.
    static func profiles() throws -> [HostingProfile] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let samples = try GoldenPlanTests.names.map { name in
            let url = TestData.fixtures.appendingPathComponent("profiles/\(name).json")
            return try decoder.decode(HostingProfile.self, from: Data(contentsOf: url))
        }
        return PlanBenchmark.profiles(count: 140, book: TestData.book) + samples
    }

    /// Holder countries: resident in the law's country, a foreigner, and unknown.
    static func holderCountries(for profile: HostingProfile) -> [CountryCode?] {
        let law = profile.countries.hosting.first ?? profile.countries.registrant ?? profile.countries.registrar
        return [law, CountryCode(lenient: law?.rawValue == "CN" ? "US" : "CN"), nil]
    }

    @Test(arguments: InfringementKind.allCases)
    func tablePlansEqualPlansComputedOnTheSpot(_ kind: InfringementKind) throws {
        var compared = 0
        for (index, profile) in try Self.profiles().enumerated() {
            for holderCountry in Self.holderCountries(for: profile) {
                for ownsWork in [true, false, nil] as [Bool?] {
                    let context = PlanningContext(
                        kind: kind,
                        holder: "Li Wei",
                        holderCountry: holderCountry,
                        ownsWork: ownsWork
                    )
                    let plan = Self.planner.plan(profile, context: context)
                    let expected = Self.reference.plan(profile, context: context)
                    if plan != expected {
                        Issue.record(
                            """
                            profile \(index) (\(profile.canonicalUrl)), holder in \(holderCountry?.rawValue ?? "?"), \
                            owns work \(ownsWork.map { "\($0)" } ?? "?"): the table's plan differs from the one \
                            computed on the spot
                            """
                        )
                    }
                    compared += 1
                }
            }
        }
        #expect(compared == 148 * 9)
    }

    @Test func residenceAndOwnershipChangeThePlan() throws {
        // Guards the comparison above: the contexts it varies must lead to different plans somewhere.
        let profile = try #require(Self.profiles().first { $0.countries.hosting.first?.rawValue == "SG" })
        let singapore = CountryCode(lenient: "SG")
        func plan(_ holder: CountryCode?, owns: Bool?) -> NoticePlan {
            Self.planner.plan(
                profile,
                context: PlanningContext(kind: .portrait, holder: "Li Wei", holderCountry: holder, ownsWork: owns)
            )
        }
        #expect(plan(singapore, owns: true).missingFromHolder != plan(nil, owns: true).missingFromHolder)
        let host = { (plan: NoticePlan) in plan.rungs.first { $0.role == .originHost }?.legalBasis }
        #expect(host(plan(nil, owns: true)) != host(plan(nil, owns: false)))
        #expect(plan(nil, owns: nil).warnings != plan(nil, owns: false).warnings)
    }

    @Test func plansUnderTheSameRuleShareTheRulesStoredValues() throws {
        let singapore = PlanBenchmark.profiles(count: 280, book: TestData.book).filter {
            $0.countries.hosting.first?.rawValue == "SG" && !$0.origin.hidden
        }
        try #require(singapore.count >= 2)
        let context = PlanningContext(kind: .copyright, holder: "Li Wei", holderCountry: CountryCode(lenient: "CN"))
        let first = Self.planner.plan(singapore[0], context: context)
        let second = Self.planner.plan(singapore[1], context: context)
        let firstHost = try #require(first.rungs.first { $0.role == .originHost })
        let secondHost = try #require(second.rungs.first { $0.role == .originHost })
        #expect(!firstHost.legalBasis.isEmpty && !first.missingFromHolder.isEmpty)
        #expect(Self.sameStorage(firstHost.legalBasis, secondHost.legalBasis))
        #expect(Self.sameStorage(firstHost.requiredElements, secondHost.requiredElements))
        #expect(Self.sameStorage(firstHost.languages, secondHost.languages))
        #expect(Self.sameStorage(first.missingFromHolder, second.missingFromHolder))
        let firstEngines = first.rungs.filter { $0.role == .searchEngine }
        let secondEngines = second.rungs.filter { $0.role == .searchEngine }
        #expect(!firstEngines.isEmpty && firstEngines.count == secondEngines.count)
        for (one, other) in zip(firstEngines, secondEngines) {
            #expect(
                Self.sameStorage(one.rationale, other.rationale)
                    && Self.sameStorage(one.channel.notes, other.channel.notes)
            )
        }
        // Without the table the values are equal but built afresh for each plan.
        let fresh = Self.reference.plan(singapore[1], context: context)
        let freshHost = try #require(fresh.rungs.first { $0.role == .originHost })
        #expect(freshHost.legalBasis == firstHost.legalBasis)
        #expect(!Self.sameStorage(freshHost.legalBasis, firstHost.legalBasis))
    }

    @Test(arguments: InfringementKind.allCases)
    func platformRungTakesTheProvidersChannelForTheKind(_ kind: InfringementKind) throws {
        let platforms = TestData.book.providers.filter { !$0.recognition.domains.isEmpty }
        try #require(!platforms.isEmpty)
        for provider in platforms {
            let domain = provider.recognition.domains[0]
            var profile = NoticePlannerTests.hosted(in: "US")
            profile.registrableDomain = domain
            profile.host = domain
            let plan = Self.planner.plan(profile, context: PlanningContext(kind: kind, holder: "Li Wei"))
            let rung = try #require(plan.rungs.first)
            #expect(rung.party.providerID == provider.id)
            #expect(rung.channel.address == provider.channel(for: kind)?.address, "\(provider.id), \(kind)")
        }
    }

    /// True when both arrays use one and the same buffer, as values copied from one stored array do.
    static func sameStorage<Element>(_ one: [Element], _ other: [Element]) -> Bool {
        one.withUnsafeBufferPointer { first in
            other.withUnsafeBufferPointer { second in first.baseAddress == second.baseAddress }
        }
    }
}
