import Foundation
import LongarmCore
import LongarmRules
import Testing

@Suite struct NoticePlannerTests {
    let planner = NoticePlanner(book: TestData.book)

    /// A profile whose content sits on a registry-unknown host in `country`.
    static func hosted(in country: String, asn: Int = 64_511) -> HostingProfile {
        let code = CountryCode(lenient: country)!
        var profile = HostingProfile(
            url: "https://bad.example/x",
            canonicalUrl: "https://bad.example/x",
            host: "bad.example",
            registrableDomain: "bad.example",
            resolvedAt: Date(timeIntervalSince1970: 0)
        )
        profile.addresses = [
            AddressFacts(
                ip: "192.0.2.1",
                asn: asn,
                asName: "EXAMPLE-AS",
                network: NetworkFacts(country: code, organization: "Example Host", abuseEmail: "abuse@host.example")
            )
        ]
        profile.countries = CountryFacts(hosting: [code])
        return profile
    }

    func plan(_ country: String, _ kind: InfringementKind, holder: String? = "CN", ownsWork: Bool? = nil) -> NoticePlan
    {
        planner.plan(
            Self.hosted(in: country),
            context: PlanningContext(
                kind: kind,
                holder: "Li Wei",
                holderCountry: holder.flatMap { CountryCode(lenient: $0) },
                ownsWork: ownsWork
            )
        )
    }

    static let countries = [
        "US", "CN", "HK", "TW", "SG", "JP", "KR", "DE", "FR", "GB", "RU", "UA", "CA", "AU", "IN", "MY",
    ]

    @Test(arguments: countries, InfringementKind.allCases)
    func lawFollowsOriginHostCountryForEveryKind(_ country: String, _ kind: InfringementKind) throws {
        let plan = plan(country, kind)
        #expect(plan.lawCountry?.rawValue == country)
        #expect(plan.lawSource == .originHost)
        let rule = try #require(TestData.book.rule(for: country, kind: kind))
        #expect(plan.regime == rule.regime.rawValue)
        let host = try #require(plan.rungs.first { $0.role == .originHost })
        for basis in rule.legalBasis { #expect(host.legalBasis.contains(basis)) }
        #expect(Set(rule.elements).isSubset(of: Set(host.requiredElements)))
        #expect(host.channel.address == "abuse@host.example")
        #expect(plan.rungs.map(\.step) == Array(1...plan.rungs.count))
        #expect(plan.rungs.first?.role == .siteOperator)
    }

    struct Expectation: Sendable, CustomStringConvertible {
        var country: String
        var kind: InfringementKind
        var regime: String
        var element: String? = nil
        var citation: String? = nil
        var missing: String? = nil
        var fastLane: String? = nil
        var description: String { "\(country) \(kind.rawValue)" }
    }

    static let expectations: [Expectation] = [
        .init(
            country: "US",
            kind: .copyright,
            regime: "statutory-takedown",
            element: "accuracy-under-penalty",
            citation: "17 U.S.C. § 512(c)"
        ),
        .init(country: "US", kind: .portrait, regime: "terms-of-service", fastLane: "TAKE IT DOWN Act"),
        .init(
            country: "CN",
            kind: .trademark,
            regime: "statutory-takedown",
            element: "preliminary-evidence",
            missing: "real-identity"
        ),
        .init(country: "SG", kind: .copyright, regime: "statutory-takedown", missing: "address-for-service"),
        .init(country: "JP", kind: .portrait, regime: "knowledge-based", missing: "seal"),
        .init(country: "TW", kind: .copyright, regime: "statutory-takedown", missing: "seal"),
        .init(country: "MY", kind: .copyright, regime: "statutory-takedown", missing: "indemnity"),
        .init(country: "UA", kind: .copyright, regime: "statutory-takedown", missing: "lawyer-representation"),
        .init(country: "IN", kind: .copyright, regime: "statutory-takedown", missing: "undertaking-to-sue"),
        .init(country: "CA", kind: .copyright, regime: "notice-and-notice", element: "no-settlement-demand"),
        .init(country: "GB", kind: .reputation, regime: "statutory-takedown", element: "poster-unidentified-statement"),
        .init(
            country: "DE",
            kind: .portrait,
            regime: "statutory-takedown",
            citation: "Kunsturhebergesetz (KUG) §§ 22-23"
        ),
        .init(
            country: "FR",
            kind: .reputation,
            regime: "statutory-takedown",
            citation: "Loi du 29 juillet 1881 sur la liberté de la presse arts. 29, 32"
        ),
        .init(country: "RU", kind: .copyright, regime: "statutory-takedown", element: "personal-data-consent"),
        .init(
            country: "KR",
            kind: .reputation,
            regime: "statutory-takedown",
            citation:
                "Act on Promotion of Information and Communications Network Utilization and Information Protection (ICNA) Art. 44-2"
        ),
        .init(country: "AU", kind: .portrait, regime: "regulator"),
        .init(country: "BR", kind: .reputation, regime: "court-order"),
        .init(country: "IN", kind: .portrait, regime: "statutory-takedown"),
        .init(country: "TR", kind: .privacy, regime: "regulator"),
        .init(
            country: "HK",
            kind: .privacy,
            regime: "regulator",
            citation: "Personal Data (Privacy) Ordinance (Cap. 486) s. 66M"
        ),
    ]

    @Test(arguments: expectations)
    func jurisdictionSpecificsReachThePlan(_ expected: Expectation) throws {
        let plan = plan(expected.country, expected.kind)
        #expect(plan.regime == expected.regime)
        let host = try #require(plan.rungs.first { $0.role == .originHost })
        if let element = expected.element {
            #expect(host.requiredElements.contains(NoticeElement(element)))
        }
        if let citation = expected.citation {
            #expect(host.legalBasis.map(\.citation).contains(citation))
        }
        if let missing = expected.missing {
            #expect(plan.missingFromHolder.map(\.element.rawValue).contains(missing))
        }
        if let lane = expected.fastLane {
            #expect(plan.fastLanes.contains { $0.hasPrefix(lane) })
        }
    }

    @Test func singaporeResidentNeedsNoAddressForService() {
        let plan = plan("SG", .copyright, holder: "SG")
        #expect(!plan.missingFromHolder.map(\.element.rawValue).contains("address-for-service"))
    }

    @Test func dsaIsAddedForNonEUHostsOnly() throws {
        let us = try #require(plan("US", .reputation).rungs.first { $0.role == .originHost })
        #expect(us.legalBasis.contains { $0.citation == "Regulation (EU) 2022/2065 (Digital Services Act) Art. 16" })
        let de = try #require(plan("DE", .reputation).rungs.first { $0.role == .originHost })
        #expect(!de.legalBasis.contains { $0.citation == "Regulation (EU) 2022/2065 (Digital Services Act) Art. 16" })
        #expect(
            de.legalBasis.contains { $0.citation == "Regulation (EU) 2022/2065 (Digital Services Act) Art. 16(1)-(6)" }
        )
    }

    @Test func copyrightBasisForDeepfakeOnlyWhenHolderOwnsTheWork() throws {
        let owns = try #require(plan("US", .portrait, ownsWork: true).rungs.first { $0.role == .originHost })
        #expect(owns.legalBasis.contains { $0.citation == "17 U.S.C. § 512(c)" })
        let doesNot = try #require(plan("US", .portrait, ownsWork: false).rungs.first { $0.role == .originHost })
        #expect(!doesNot.legalBasis.contains { $0.instrument == "17 U.S.C." })
        let unknown = plan("US", .portrait, ownsWork: nil)
        #expect(unknown.warnings.contains { $0.contains("owns the source work") })
        #expect(!unknown.rungs[1].legalBasis.contains { $0.instrument == "17 U.S.C." })
    }

    @Test func cdnFrontedOriginGetsAParallelCDNRung() throws {
        var profile = Self.hosted(in: "NL")
        profile.addresses = [AddressFacts(ip: "104.21.5.9", asn: 13335, cdn: "Cloudflare")]
        profile.cdn = CDNMatch(
            name: "Cloudflare",
            source: FactSource(.ranges, server: "Data/cdn"),
            evidence: "104.16.0.0/13"
        )
        profile.origin = OriginFacts(hidden: true, revealedBy: "Cloudflare's abuse form")
        profile.countries = CountryFacts(hosting: [CountryCode(lenient: "NL")!], cdn: CountryCode(lenient: "US"))
        let plan = planner.plan(profile, context: PlanningContext(kind: .copyright, holder: "Li Wei"))
        let cdn = try #require(plan.rungs.first { $0.role == .cdn })
        #expect(cdn.parallel)
        #expect(cdn.party.providerID == "cloudflare")
        #expect(cdn.channel.kind == .webForm)
        #expect(cdn.country?.rawValue == "US")
        #expect(plan.lawCountry?.rawValue == "NL")
        #expect(cdn.legalBasis.contains { $0.origin == "EU" })
        let origin = try #require(plan.rungs.first { $0.role == .originHost })
        #expect(origin.channel.kind == .unknown)
        #expect(!origin.parallel)
        #expect(!plan.rungs.contains { $0.role == .upstream })
    }

    @Test func whoisOnlyDomainFallsBackToRegistrantCountry() throws {
        var profile = Self.hosted(in: "PA")
        profile.addresses = []
        profile.countries = CountryFacts(registrant: CountryCode(lenient: "PA"))
        profile.domain = DomainFacts(
            source: FactSource(.whois, server: "whois.example"),
            registrar: RegistrarFacts(name: "Gname.com Pte. Ltd.", ianaId: "1923"),
            registrant: RegistrantFacts(country: CountryCode(lenient: "PA"))
        )
        let plan = planner.plan(profile, context: PlanningContext(kind: .reputation, holder: "Li Wei"))
        #expect(plan.lawSource == .registrant)
        #expect(plan.lawCountry?.rawValue == "PA")
        #expect(plan.regime == "court-order")
        #expect(plan.warnings.contains { $0.contains("registrant's country (PA)") })
        #expect(!plan.rungs.contains { $0.role == .originHost })
        let registrar = try #require(plan.rungs.first { $0.role == .registrar })
        #expect(registrar.party.providerID == "gname")
        #expect(registrar.legalBasis.contains { $0.instrument.contains("ICANN") })
    }

    @Test func unknownCountryGivesAWarningNotACrash() throws {
        let plan = planner.plan(Self.hosted(in: "KZ"), context: PlanningContext(kind: .trademark, holder: "Acme"))
        #expect(plan.lawCountry?.rawValue == "KZ")
        #expect(plan.regime == nil)
        #expect(plan.warnings.contains { $0.contains("no entry for KZ") })
        let host = try #require(plan.rungs.first { $0.role == .originHost })
        #expect(host.regime == "terms-of-service")
        #expect(plan.missingFromHolder.isEmpty)
    }

    @Test func noCountryAtAllStillPlans() {
        var profile = Self.hosted(in: "US")
        profile.countries = CountryFacts()
        profile.addresses = []
        profile.registrableDomain = nil
        let plan = planner.plan(profile, context: PlanningContext(kind: .copyright, holder: "Acme"))
        #expect(plan.lawSource == .none)
        #expect(plan.lawCountry == nil)
        #expect(plan.rungs.allSatisfy { $0.role == .searchEngine })
        #expect(!plan.warnings.isEmpty)
    }

    @Test func knownHostIsMatchedByASN() throws {
        let plan = planner.plan(
            Self.hosted(in: "DE", asn: 24940),
            context: PlanningContext(kind: .copyright, holder: "Acme")
        )
        let host = try #require(plan.rungs.first { $0.role == .originHost })
        #expect(host.party.providerID == "hetzner")
        #expect(host.channel.address == "https://abuse.hetzner.com")
        #expect(host.languages.first == "de")
    }

    @Test func benchmarkPlansEverySyntheticProfile() async throws {
        let result = await PlanBenchmark(planner: planner).run(count: 2_000, workers: 2)
        #expect(result.targets == 2_000)
        #expect(result.rungs > 2_000 * 3)
    }
}

extension NoticePlannerTests {
    @Test func citationsAreNotRepeatedWhenRulesAreCombined() throws {
        let plan = plan("DE", .portrait, ownsWork: true)
        for rung in plan.rungs {
            let citations = rung.legalBasis.map(\.citation)
            #expect(citations.count == Set(citations).count, "\(rung.role): \(citations)")
        }
        let host = try #require(plan.rungs.first { $0.role == .originHost })
        #expect(host.legalBasis.contains { $0.citation.hasPrefix("Urheberrechts-Diensteanbieter-Gesetz") })
    }
}
