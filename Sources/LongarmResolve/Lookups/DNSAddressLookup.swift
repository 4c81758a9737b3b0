public import LongarmCore
public import LongarmNet

/// DNS facts for a host from the wire-format client: the CNAME chain, A and AAAA, and the registrable
/// domain's name servers.
///
/// A lookup is one run, like the resolver that holds it: the name servers of a registrable domain are asked
/// once, however many of its hosts are resolved.
public struct DNSAddressLookup: HostAddressLookup {
    private let client: DNSClient
    private let nameServerAnswers = SingleFlight<String, NameServers>()

    private struct NameServers: Sendable {
        var servers: [String]
        var warning: String?
    }

    /// Creates a lookup over `client`.
    public init(client: DNSClient) {
        self.client = client
    }

    public func resolve(host: String, registrableDomain: String?) async -> Lookup<DNSFacts> {
        async let nameServers = nameServers(of: registrableDomain)
        var warnings: [String] = []
        var facts = DNSFacts()
        do {
            let resolution = try await client.resolveAddresses(host)
            facts.cname = resolution.cnameChain.map(\.data)
            facts.a = resolution.a.map(\.data)
            facts.aaaa = resolution.aaaa.map(\.data)
            facts.source = FactSource(.dns, server: resolution.server)
            if let problem = Self.problem(rcode: resolution.rcode) {
                warnings.append("\(host): \(problem) from DNS server \(resolution.server)")
            }
        } catch {
            warnings.append("\(host): \(error)")
        }
        let (servers, nsWarning) = await nameServers
        facts.ns = servers
        if let nsWarning { warnings.append(nsWarning) }
        return Lookup(facts, warnings: warnings)
    }

    private func nameServers(of domain: String?) async -> ([String], String?) {
        guard let domain else { return ([], nil) }
        let answer = await nameServerAnswers.value(for: domain.lowercased()) {
            let (servers, warning) = await askNameServers(of: domain)
            return NameServers(servers: servers, warning: warning)
        }
        return (answer.servers, answer.warning)
    }

    private func askNameServers(of domain: String) async -> ([String], String?) {
        do {
            let answer = try await client.query(domain, type: .ns)
            if let problem = Self.problem(rcode: answer.rcode) {
                return ([], "\(domain): NS query: \(problem) from DNS server \(answer.server)")
            }
            return (answer.records.filter { $0.type == .ns }.map(\.data).sorted(), nil)
        } catch {
            return ([], "\(domain): NS query: \(error)")
        }
    }

    private static func problem(rcode: Int) -> String? {
        switch rcode {
        case 0: nil
        case 2: "SERVFAIL"
        case 3: "NXDOMAIN (no such name)"
        case 5: "REFUSED"
        default: "DNS error code \(rcode)"
        }
    }
}
