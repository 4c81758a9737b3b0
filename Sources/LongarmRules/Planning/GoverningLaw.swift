import LongarmCore

/// The law chosen for a plan: the country, why it was chosen, and the rule found there.
struct GoverningLaw {
    var country: CountryCode?
    var source: NoticePlan.LawSource
    var jurisdiction: Jurisdiction?
    var rule: KindRule?
    /// The copyright rule, offered for a deepfake when the holder owns the source work.
    var copyrightRule: KindRule?
    var warnings: [String]

    /// Picks the origin host's country, falling back to the registrant's and then the registrar's, and says so.
    init(profile: HostingProfile, context: PlanningContext, book: RuleBook) {
        warnings = []
        let countries = profile.countries
        if let hosting = countries.hosting.first {
            country = hosting
            source = .originHost
            if countries.hosting.count > 1 {
                let all = countries.hosting.map(\.rawValue).joined(separator: ", ")
                warnings.append(
                    "the content is served from several countries (\(all)); the law of \(hosting) is used, check the others"
                )
            }
        } else if let registrant = countries.registrant ?? profile.domain?.registrant?.country {
            country = registrant
            source = .registrant
            warnings.append(
                "no hosting country is known; the law of the registrant's country (\(registrant)) is used instead"
            )
        } else if let registrar = countries.registrar ?? profile.domain?.registrar?.country {
            country = registrar
            source = .registrar
            warnings.append(
                "neither a hosting nor a registrant country is known; the law of the registrar's country (\(registrar)) "
                    + "is used instead, which rarely governs the content"
            )
        } else {
            country = nil
            source = .none
            warnings.append("no country is known for this URL; the plan relies on the providers' own terms")
        }
        jurisdiction = country.flatMap { book.jurisdictions[$0.rawValue] }
        rule = country.flatMap { book.rule(for: $0.rawValue, kind: context.kind) }
        if let country, rule == nil {
            warnings.append(
                "the rules table has no entry for \(country); the plan relies on the providers' own terms until one is added"
            )
        }
        copyrightRule = nil
        if context.kind == .portrait, let country {
            switch context.ownsWork {
            case true?:
                copyrightRule = book.rule(for: country.rawValue, kind: .copyright)
            case false?:
                break
            case nil:
                warnings.append(
                    "it is not known whether the holder owns the source work; a copyright basis, often the fastest, "
                        + "is offered only when the holder does (--owns-work yes)"
                )
            }
        }
    }
}
