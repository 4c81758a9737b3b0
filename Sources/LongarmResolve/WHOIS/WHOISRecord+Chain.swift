import Foundation

extension WHOISRecord {
    /// Combines this answer (a later hop, such as the registrar's) with an earlier one (the registry's): this
    /// answer's values win and the earlier one fills what it left out, because a registrar hop sometimes says less
    /// than the registry, or is throttled.
    public func filling(from earlier: WHOISRecord) -> WHOISRecord {
        var result = self
        result.domain = domain ?? earlier.domain
        result.registrar.name = registrar.name ?? earlier.registrar.name
        result.registrar.ianaId = registrar.ianaId ?? earlier.registrar.ianaId
        result.registrar.abuseEmail = registrar.abuseEmail ?? earlier.registrar.abuseEmail
        result.registrar.abusePhone = registrar.abusePhone ?? earlier.registrar.abusePhone
        result.registrar.whoisServer = registrar.whoisServer ?? earlier.registrar.whoisServer
        result.registrant.organization = registrant.organization ?? earlier.registrant.organization
        result.registrant.country = registrant.country ?? earlier.registrant.country
        result.registrant.redacted = registrant.redacted || earlier.registrant.redacted
        result.created = created ?? earlier.created
        result.updated = updated ?? earlier.updated
        result.expires = expires ?? earlier.expires
        if nameServers.isEmpty { result.nameServers = earlier.nameServers }
        if status.isEmpty { result.status = earlier.status }
        result.network = network ?? earlier.network
        result.found = found || earlier.found
        result.throttled = throttled && !result.found
        return result
    }
}
