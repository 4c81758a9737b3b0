import Foundation
import LongarmCore

extension RDAPParser {
    /// The registrar entity, its IANA ID and the abuse contact nested in it (ICANN RDAP profile §2.4.5).
    func registrarPart(_ flat: [RDAPEntity]) -> RDAPRegistrarPart? {
        guard let index = flat.firstIndex(where: { $0.roles.contains("registrar") }) else { return nil }
        let registrar = flat[index]
        var part = RDAPRegistrarPart()
        part.name = registrar.name ?? registrar.organization
        part.ianaId = registrar.ianaRegistrarId
        part.country = registrar.country
        // The abuse entity nested (at any depth) under the registrar: the entities that follow it in the flat,
        // depth-first list with a greater depth.
        var nested: [RDAPEntity] = []
        for entity in flat[(index + 1)...] {
            if entity.depth <= registrar.depth { break }
            nested.append(entity)
        }
        if let abuse = nested.first(where: { $0.roles.contains("abuse") && ($0.email != nil || $0.voicePhone != nil) })
        {
            part.abuseEmail = abuse.email
            part.abusePhone = abuse.voicePhone
        } else if registrar.roles.contains("abuse") {
            part.abuseEmail = registrar.email
            part.abusePhone = registrar.voicePhone
        }
        return part
    }

    /// The registrant's organisation and country; a redacted or placeholder organisation is never reported.
    func registrantPart(_ flat: [RDAPEntity], redactions: RDAPRedactions) -> RDAPRegistrantPart? {
        guard let registrant = flat.first(where: { $0.roles.contains("registrant") }) else {
            return redactions.covers(role: "registrant")
                ? RDAPRegistrantPart(organization: nil, country: nil, redacted: true) : nil
        }
        return RDAPRegistrantPart(
            organization: registrant.organizationName,
            country: registrant.country,
            redacted: registrant.redacted || redactions.covers(role: "registrant")
        )
    }

    /// The abuse contact of the object: the shallowest abuse entity with an e-mail (an abuse contact attached to
    /// the network itself is more specific than the one of its holder's organisation). For a domain, the
    /// registrar's nested abuse entity is the registrar's, reported under `registrar`; it is used here only when
    /// nothing else is published.
    func abusePart(_ flat: [RDAPEntity]) -> RDAPAbusePart? {
        let candidates = flat.filter { $0.roles.contains("abuse") && $0.email != nil }
        guard let best = candidates.min(by: { $0.depth < $1.depth }) else { return nil }
        return RDAPAbusePart(
            handle: best.handle,
            name: best.name,
            email: best.email,
            phone: best.voicePhone,
            depth: best.depth
        )
    }
}

/// Names the regional registry from its WHOIS host or a handle suffix.
enum RIRName {
    static func guess(port43: String?, handle: String?, server: String? = nil) -> String? {
        let hints = [port43, server, handle].compactMap { $0?.lowercased() }
        for hint in hints {
            if hint.contains("arin") { return "ARIN" }
            if hint.contains("ripe") { return "RIPE" }
            if hint.contains("apnic") { return "APNIC" }
            if hint.contains("lacnic") { return "LACNIC" }
            if hint.contains("afrinic") { return "AFRINIC" }
        }
        return nil
    }
}
