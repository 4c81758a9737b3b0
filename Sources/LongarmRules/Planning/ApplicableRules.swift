import LongarmCore

/// What the rules table holds for the governing country and the case's kind.
struct ApplicableRules {
    var jurisdiction: Jurisdiction?
    var rule: KindRule?
    /// The copyright rule, offered for a deepfake when the holder owns the source work.
    var copyrightRule: KindRule?
    /// What the table leaves open (no entry for the country, unknown ownership of the source work).
    var warnings: [String]

    /// Looks up the rules of `country` for the case's kind, and the copyright rule when it is offered.
    init(country: CountryCode?, context: PlanningContext, book: RuleBook) {
        warnings = []
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
