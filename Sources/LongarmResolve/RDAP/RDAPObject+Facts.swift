public import LongarmCore

extension RDAPObject {
    /// The domain's registration facts for the hosting profile, sourced to `server` (the URL asked).
    public func domainFacts(server: String) -> DomainFacts {
        var registrar: RegistrarFacts?
        if let part = self.registrar {
            registrar = RegistrarFacts(
                name: part.name,
                ianaId: part.ianaId,
                abuseEmail: part.abuseEmail,
                abusePhone: part.abusePhone,
                country: part.country
            )
        }
        let registrant = self.registrant.map {
            RegistrantFacts(organization: $0.organization, country: $0.country, redacted: $0.redacted)
        }
        return DomainFacts(
            source: FactSource(.rdap, server: server),
            registrar: registrar,
            registrant: registrant,
            created: domain?.created,
            expires: domain?.expires,
            status: status
        )
    }

    /// The network's facts for the hosting profile (IP network objects), sourced to `server`.
    public func networkFacts(server: String) -> NetworkFacts {
        let holder = entities(withRole: "registrant").first ?? entities(withRole: "administrative").first
        return NetworkFacts(
            name: network?.name,
            handle: handle,
            cidr: network?.cidrs.first,
            country: network?.country ?? holder?.country,
            registry: network?.registry ?? RIRName.guess(port43: nil, handle: nil, server: server),
            organization: holder?.organizationName ?? holder?.name,
            abuseEmail: abuse?.email,
            source: FactSource(.rdap, server: server)
        )
    }
}
