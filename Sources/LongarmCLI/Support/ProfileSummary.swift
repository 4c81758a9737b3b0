import LongarmCore

/// A hosting profile as a few lines of text, for people.
struct ProfileSummary {
    let profile: HostingProfile

    init(_ profile: HostingProfile) {
        self.profile = profile
    }

    func print() {
        Swift.print(profile.canonicalUrl.isEmpty ? profile.url : profile.canonicalUrl)
        if !profile.dns.cname.isEmpty { Swift.print("  cname:      \(profile.dns.cname.joined(separator: " → "))") }
        for address in profile.addresses {
            var parts = [address.ip]
            if let asn = address.asn { parts.append("AS\(asn)" + (address.asName.map { " \($0)" } ?? "")) }
            if let network = address.network {
                parts.append([network.name, network.country?.rawValue].compactMap(\.self).joined(separator: ", "))
                if let abuse = network.abuseEmail { parts.append("abuse \(abuse)") }
            }
            if let geo = address.geo?.country { parts.append("geo \(geo)") }
            if let cdn = address.cdn { parts.append("CDN \(cdn)") }
            Swift.print("  address:    \(parts.joined(separator: " · "))")
        }
        if let registrar = profile.domain?.registrar {
            let fields = [registrar.name, registrar.ianaId.map { "IANA \($0)" }, registrar.abuseEmail]
            Swift.print("  registrar:  \(fields.compactMap(\.self).joined(separator: " · "))")
        }
        if let registrant = profile.domain?.registrant {
            let who = registrant.redacted ? "redacted" : (registrant.organization ?? "not published")
            Swift.print("  registrant: \(who)" + (registrant.country.map { ", \($0)" } ?? ""))
        }
        if let cdn = profile.cdn {
            Swift.print("  CDN:        \(cdn.name) (\(cdn.source.method.rawValue): \(cdn.evidence))")
        }
        if profile.origin.hidden {
            Swift.print("  origin:     hidden" + (profile.origin.revealedBy.map { "; \($0)" } ?? ""))
        }
        let hosting = profile.countries.hosting.map(\.rawValue).joined(separator: ", ")
        Swift.print("  hosting in: \(hosting.isEmpty ? "unknown" : hosting)")
        for warning in profile.warnings { Swift.print("  warning:    \(warning)") }
    }
}
