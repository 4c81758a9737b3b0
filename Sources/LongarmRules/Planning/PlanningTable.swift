import LongarmCore

/// Everything a plan needs that depends only on the rules and a few small keys, computed once per planner.
///
/// Planning a target then costs a few dictionary look-ups instead of merging legal bases, elements and
/// sentences again; and every plan under the same rule carries the same stored arrays and strings. The table is
/// immutable, so planners share it between threads without locks. A law or country the table does not hold
/// (a country missing from the rules table) is computed on the spot, the same way.
struct PlanningTable: Sendable {
    /// What decides a plan's `PlanTerms`.
    struct Key: Hashable, Sendable {
        var country: CountryCode?
        var source: NoticePlan.LawSource
        var kind: InfringementKind
        /// Whether the holder owns the work; kept for deepfakes only, the one kind it changes.
        var ownsWork: Bool?
        /// Whether the holder lives in the law's country (no local address for service is then needed).
        var resident: Bool

        init(law: GoverningLaw, context: PlanningContext) {
            country = law.country
            source = law.source
            kind = context.kind
            ownsWork = context.kind == .portrait ? context.ownsWork : nil
            resident = law.country != nil && context.holderCountry == law.country
        }
    }

    private let book: RuleBook
    private let plans: [Key: PlanTerms]
    private let roles: [NoticeRung.Role: RungTerms]
    private let letterLanguages: [CountryCode: [String]]
    private let searchEngines: [InfringementKind: [NoticeRung]]

    /// Builds the table over `book`; with `precomputed` false it stays empty and computes every answer on the
    /// spot, which tests use as the reference the table must reproduce.
    init(book: RuleBook, precomputed: Bool = true) {
        self.book = book
        guard precomputed else {
            plans = [:]
            roles = [:]
            letterLanguages = [:]
            searchEngines = [:]
            return
        }
        let codes = book.jurisdictions.keys.sorted().compactMap { CountryCode(lenient: $0) }
        var plans: [Key: PlanTerms] = [:]
        for country in [nil] + codes {
            let sources: [NoticePlan.LawSource] = country == nil ? [.none] : [.originHost, .registrant, .registrar]
            for source in sources {
                let law = GoverningLaw(country: country, source: source)
                for kind in InfringementKind.allCases {
                    for ownsWork in [true, false, nil] as [Bool?] {
                        for holderCountry in [country, nil] {
                            let context = PlanningContext(
                                kind: kind,
                                holder: "",
                                holderCountry: holderCountry,
                                ownsWork: ownsWork
                            )
                            let key = Key(law: law, context: context)
                            if plans[key] == nil { plans[key] = PlanTerms(law: law, context: context, book: book) }
                        }
                    }
                }
            }
        }
        self.plans = plans
        var roles: [NoticeRung.Role: RungTerms] = [:]
        for role in NoticeRung.Role.allCases where !RungTerms.addressesContent(role) {
            roles[role] = RungTerms(role: role, book: book)
        }
        self.roles = roles
        var languages: [CountryCode: [String]] = [:]
        for code in codes { languages[code] = Self.letterLanguages(of: code, book: book) }
        letterLanguages = languages
        var engines: [InfringementKind: [NoticeRung]] = [:]
        for kind in InfringementKind.allCases {
            engines[kind] = Self.searchEngineRungs(kind: kind, book: book, roles: roles, languages: languages)
        }
        searchEngines = engines
    }

    /// The terms of a plan under `law` for the case.
    func terms(law: GoverningLaw, context: PlanningContext) -> PlanTerms {
        plans[Key(law: law, context: context)] ?? PlanTerms(law: law, context: context, book: book)
    }

    /// The defaults of a role that does not address the content.
    func terms(role: NoticeRung.Role) -> RungTerms {
        roles[role] ?? RungTerms(role: role, book: book)
    }

    /// The languages to write to a party in `country` in, `en` included.
    func letterLanguages(_ country: CountryCode?) -> [String] {
        guard let country else { return Self.english }
        return letterLanguages[country] ?? Self.letterLanguages(of: country, book: book)
    }

    /// The search engines' delisting rungs for a kind, numbered from 0: the builder renumbers them.
    func searchEngineRungs(kind: InfringementKind) -> [NoticeRung] {
        searchEngines[kind] ?? Self.searchEngineRungs(kind: kind, book: book, roles: roles, languages: letterLanguages)
    }

    private static let english = ["en"]

    private static func letterLanguages(of country: CountryCode, book: RuleBook) -> [String] {
        guard let languages = book.jurisdictions[country.rawValue]?.letter.languages else { return english }
        return languages.contains("en") ? languages : languages + ["en"]
    }

    private static func searchEngineRungs(
        kind: InfringementKind,
        book: RuleBook,
        roles: [NoticeRung.Role: RungTerms],
        languages: [CountryCode: [String]]
    ) -> [NoticeRung] {
        let terms = roles[.searchEngine] ?? RungTerms(role: .searchEngine, book: book)
        return book.index.searchEngines.map { engine in
            let country = engine.provider.country
            return RungBuilder.rung(
                step: 0,
                role: .searchEngine,
                party: RungBuilder.party(engine, matchedBy: "search engine for delisting"),
                channel: engine.channel(for: kind),
                country: country,
                terms: terms,
                languages: country.map { languages[$0] ?? letterLanguages(of: $0, book: book) } ?? english,
                rationale: [],
                parallel: false
            )
        }
    }
}
