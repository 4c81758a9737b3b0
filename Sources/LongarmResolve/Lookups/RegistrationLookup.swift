import Foundation
public import LongarmCore

/// Registration facts of a domain: RDAP at the registry the bootstrap names, then at the registrar the
/// registry links to; port-43 WHOIS, with referrals, where RDAP has no service or fails.
public struct RegistrationLookup: DomainRegistrationLookup {
    private let bootstrap: RDAPBootstrap
    private let fetcher: RDAPFetcher
    private let whois: any WHOISQuerying
    private let servers: WHOISServerTable
    private let policy: (any AddressPolicy)?
    private let maximumReferrals: Int
    private let rdapParser = RDAPParser()
    private let whoisParser = WHOISParser()

    /// Creates a lookup; `policy` refuses WHOIS referrals and RDAP links to private address literals.
    public init(
        bootstrap: RDAPBootstrap,
        fetcher: RDAPFetcher,
        whois: any WHOISQuerying,
        servers: WHOISServerTable,
        policy: (any AddressPolicy)? = nil,
        maximumReferrals: Int = 3
    ) {
        self.bootstrap = bootstrap
        self.fetcher = fetcher
        self.whois = whois
        self.servers = servers
        self.policy = policy
        self.maximumReferrals = maximumReferrals
    }

    public func lookup(domain: String) async -> Lookup<DomainFacts> {
        var warnings: [String] = []
        if let base = bootstrap.serviceURLs(forDomain: domain).first {
            let rdap = await rdapLookup(domain, base: base)
            if rdap.value != nil { return rdap }
            warnings += rdap.warnings
        }
        let whois = await whoisLookup(domain)
        return Lookup(whois.value, warnings: warnings + whois.warnings)
    }

    private func rdapLookup(_ domain: String, base: URL) async -> Lookup<DomainFacts> {
        let url = base.appendingPathComponent("domain").appendingPathComponent(domain).absoluteString
        let registry: RDAPObject
        let registryURL: String
        switch await fetcher.fetch(url) {
        case .document(let data, let served):
            do {
                registry = try rdapParser.parse(data, input: served)
                registryURL = served
            } catch {
                return Lookup(nil, warnings: [error.description])
            }
        case .notFound(let served):
            return Lookup(nil, warnings: ["\(domain): not found at \(served) (HTTP 404)"])
        case .failed(let reason):
            return Lookup(nil, warnings: [reason])
        }
        var facts = registry.domainFacts(server: registryURL)
        guard let link = registry.registrarLink, link != registryURL else { return Lookup(facts) }
        switch await fetcher.fetch(link) {
        case .document(let data, let served):
            do {
                let registrar = try rdapParser.parse(data, input: served).domainFacts(server: served)
                facts = facts.completed(by: registrar)
                facts.source = FactSource(.rdap, server: "\(registryURL) then \(served)")
                return Lookup(facts)
            } catch {
                return Lookup(facts, warnings: [error.description])
            }
        case .notFound(let served):
            return Lookup(
                facts,
                warnings: ["\(domain): the registrar's RDAP server has no record (\(served), HTTP 404)"]
            )
        case .failed(let reason):
            return Lookup(facts, warnings: ["\(domain): registrar RDAP failed: \(reason)"])
        }
    }

    private func whoisLookup(_ domain: String) async -> Lookup<DomainFacts> {
        let entry = servers.entry(forDomain: domain)
        if let entry, entry.kind == .none || entry.kind == .web {
            let web = entry.url.map { "; the registry publishes it at \($0)" } ?? ""
            return Lookup(nil, warnings: ["\(domain): no RDAP and no port-43 WHOIS service for .\(entry.suffix)\(web)"])
        }
        var hop = (server: entry?.server ?? servers.fallbackServer, port: entry?.effectivePort ?? 43)
        var query = entry?.queryText(for: domain) ?? domain
        var visited: Set<String> = []
        var merged: WHOISRecord?
        var lastServer = hop.server
        var warnings: [String] = []
        var registryHops = 0
        for _ in 0...maximumReferrals {
            guard visited.insert("\(hop.server):\(hop.port)".lowercased()).inserted else {
                warnings.append("\(domain): WHOIS referral loop at \(hop.server)")
                break
            }
            if let refusal = policy?.refusal(for: hop.server) {
                warnings.append("\(domain): WHOIS referral to \(hop.server) refused: \(refusal)")
                break
            }
            let record: WHOISRecord
            do {
                let data = try await whois.query(query, server: hop.server, port: hop.port)
                record = try whoisParser.parse(data, query: domain, server: hop.server, input: "whois://\(hop.server)")
                    .record
            } catch {
                warnings.append("\(domain): WHOIS \(hop.server): \(error)")
                break
            }
            if record.throttled {
                warnings.append("\(domain): WHOIS \(hop.server) refused the query (rate limit)")
                break
            }
            if !record.found {
                warnings.append("\(domain): WHOIS \(hop.server) has no record (not registered?)")
                break
            }
            merged = merged.map { record.filling(from: $0) } ?? record
            lastServer = hop.server
            // IANA refers to the registry and the registry to the registrar; a registrar's own "Registrar
            // WHOIS Server" line points at itself or a sibling and is not followed (as Debian's whois does).
            if hop.server != servers.fallbackServer { registryHops += 1 }
            guard registryHops <= 1, let referral = record.referral, referral.scheme == "whois" else { break }
            hop = (referral.host, referral.port)
            query = domain
        }
        guard let merged else { return Lookup(nil, warnings: warnings) }
        return Lookup(merged.domainFacts(server: "whois://\(lastServer)"), warnings: warnings)
    }
}

extension DomainFacts {
    /// These facts (a registry's) completed by a registrar's answer, whose registrar and registrant data win.
    func completed(by registrar: DomainFacts) -> DomainFacts {
        var result = self
        if let theirs = registrar.registrar {
            var mine = result.registrar ?? RegistrarFacts()
            mine.name = theirs.name ?? mine.name
            mine.ianaId = theirs.ianaId ?? mine.ianaId
            mine.abuseEmail = theirs.abuseEmail ?? mine.abuseEmail
            mine.abusePhone = theirs.abusePhone ?? mine.abusePhone
            mine.country = theirs.country ?? mine.country
            result.registrar = mine
        }
        if let theirs = registrar.registrant { result.registrant = theirs }
        result.created = result.created ?? registrar.created
        result.expires = result.expires ?? registrar.expires
        result.status = Array(Set(result.status + registrar.status)).sorted()
        return result
    }
}
