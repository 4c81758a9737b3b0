import LongarmCore

/// The country whose law governs a plan, and why it was chosen.
///
/// Only the profile decides it; what the rules table says about that country is `ApplicableRules`.
struct GoverningLaw {
    var country: CountryCode?
    var source: NoticePlan.LawSource
    /// What the choice leaves open (several hosting countries, a fallback to the registrant or registrar).
    var warnings: [String]

    /// A law already chosen, as the planning table enumerates them.
    init(country: CountryCode?, source: NoticePlan.LawSource) {
        self.country = country
        self.source = source
        warnings = []
    }

    /// Picks the origin host's country, falling back to the registrant's and then the registrar's, and says so.
    init(profile: HostingProfile) {
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
    }
}
