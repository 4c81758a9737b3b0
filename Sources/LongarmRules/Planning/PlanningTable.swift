import LongarmCore

/// Everything a plan needs that depends only on the rules and a few small keys, computed once per planner.
///
/// Planning a target then costs a few array look-ups instead of merging legal bases, elements and sentences
/// again; and every plan under the same rule carries the same stored arrays and strings. The table is immutable,
/// so planners share it between threads without locks. A law or country the table does not hold (a country
/// missing from the rules table) is computed on the spot, the same way.
final class PlanningTable: Sendable {
    /// What decides a plan's `PlanTerms`.
    struct Key {
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

        /// How many places a table over `countries` needs: no country, then each country, times the rest.
        static func places(countries: Int) -> Int { (countries + 1) * 4 * InfringementKind.ordinalCount * 3 * 2 }

        /// The key's place in a table over `slots`; `nil` for a country the table does not hold.
        func place(in slots: CountrySlots) -> Int? {
            var place = 0
            if let country {
                guard let position = slots.position(of: country) else { return nil }
                place = position + 1
            }
            let source: Int
            switch self.source {
            case .originHost: source = 0
            case .registrant: source = 1
            case .registrar: source = 2
            case .none: source = 3
            }
            place = (place * 4 + source) * InfringementKind.ordinalCount + kind.ordinal
            place = place * 3 + (ownsWork.map { $0 ? 1 : 2 } ?? 0)
            return place * 2 + (resident ? 1 : 0)
        }
    }

    private let book: RuleBook
    private let slots: CountrySlots
    private let plans: [PlanTerms?]
    private let registrar: RungTerms
    private let registry: RungTerms
    private let upstream: RungTerms
    private let searchEngine: RungTerms
    /// Letter languages with `en` per country position.
    private let letterLanguages: [[String]]
    /// The search engines' rungs per kind ordinal.
    private let searchEngines: [[NoticeRung]]
    private let precomputed: Bool

    /// Builds the table over `book`; with `precomputed` false it holds nothing and computes every answer on the
    /// spot, which tests use as the reference the table must reproduce.
    init(book: RuleBook, precomputed: Bool = true) {
        self.book = book
        self.precomputed = precomputed
        registrar = RungTerms(role: .registrar, book: book)
        registry = RungTerms(role: .registry, book: book)
        upstream = RungTerms(role: .upstream, book: book)
        let searchTerms = RungTerms(role: .searchEngine, book: book)
        searchEngine = searchTerms
        let codes = precomputed ? book.jurisdictions.keys.sorted().compactMap { CountryCode(lenient: $0) } : []
        let slots = CountrySlots(codes)
        self.slots = slots
        var plans = [PlanTerms?](repeating: nil, count: precomputed ? Key.places(countries: slots.count) : 0)
        for country in precomputed ? [nil] + codes : [] {
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
                            guard let place = Key(law: law, context: context).place(in: slots), plans[place] == nil
                            else { continue }
                            plans[place] = PlanTerms(law: law, context: context, book: book)
                        }
                    }
                }
            }
        }
        self.plans = plans
        let languages = codes.map { Self.letterLanguages(of: $0, book: book) }
        letterLanguages = languages
        searchEngines = InfringementKind.allCases.map { kind in
            Self.searchEngineRungs(kind: kind, book: book, terms: searchTerms) { country in
                slots.position(of: country).map { languages[$0] } ?? Self.letterLanguages(of: country, book: book)
            }
        }
    }

    /// The terms of a plan under `law` for the case.
    func terms(law: GoverningLaw, context: PlanningContext) -> PlanTerms {
        if precomputed, let place = Key(law: law, context: context).place(in: slots), let terms = plans[place] {
            return terms
        }
        return PlanTerms(law: law, context: context, book: book)
    }

    /// The defaults of a role that does not address the content.
    func terms(role: NoticeRung.Role) -> RungTerms {
        guard precomputed else { return RungTerms(role: role, book: book) }
        switch role {
        case .registrar: return registrar
        case .registry: return registry
        case .upstream: return upstream
        case .searchEngine: return searchEngine
        case .siteOperator, .originHost, .cdn: return RungTerms(role: role, book: book)
        }
    }

    /// The languages to write to a party in `country` in, `en` included.
    func letterLanguages(_ country: CountryCode?) -> [String] {
        guard let country else { return Self.english }
        guard let position = slots.position(of: country) else { return Self.letterLanguages(of: country, book: book) }
        return letterLanguages[position]
    }

    /// The search engines' delisting rungs for a kind, numbered from 0: the builder renumbers them.
    func searchEngineRungs(kind: InfringementKind) -> [NoticeRung] {
        guard precomputed else {
            return Self.searchEngineRungs(kind: kind, book: book, terms: terms(role: .searchEngine)) { country in
                Self.letterLanguages(of: country, book: self.book)
            }
        }
        return searchEngines[kind.ordinal]
    }

    private static let english = ["en"]

    private static func letterLanguages(of country: CountryCode, book: RuleBook) -> [String] {
        guard let languages = book.jurisdictions[country.rawValue]?.letter.languages else { return english }
        return languages.contains("en") ? languages : languages + ["en"]
    }

    private static func searchEngineRungs(
        kind: InfringementKind,
        book: RuleBook,
        terms: RungTerms,
        languages: (CountryCode) -> [String]
    ) -> [NoticeRung] {
        book.index.searchEngines.map { engine in
            let country = engine.provider.country
            return RungBuilder.rung(
                step: 0,
                role: .searchEngine,
                party: RungBuilder.party(engine, matchedBy: "search engine for delisting"),
                channel: engine.channel(for: kind),
                country: country,
                terms: terms,
                languages: country.map(languages) ?? english,
                rationale: [],
                parallel: false
            )
        }
    }
}
