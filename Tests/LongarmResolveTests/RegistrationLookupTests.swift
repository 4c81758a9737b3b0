import Foundation
import LongarmCore
import Synchronization
import Testing

@testable import LongarmResolve

/// Serves corpus files by URL, 404 for anything else, and counts requests.
private final class CorpusHTTP: HTTPFetching {
    let documents: [String: String]
    let requests = Mutex<[String]>([])

    init(documents: [String: String]) { self.documents = documents }

    func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
        requests.withLock { $0.append(request.url) }
        guard let name = documents[request.url] else { return HTTPExchange(request: request, status: 404) }
        return HTTPExchange(request: request, status: 200, body: try Data(contentsOf: try FixturePaths.fixture(name)))
    }
}

/// Answers WHOIS queries from corpus files by server.
private final class CorpusWHOIS: WHOISQuerying {
    let answers: [String: String]
    let asked = Mutex<[String]>([])

    init(answers: [String: String]) { self.answers = answers }

    func query(_ query: String, server: String, port: Int) async throws -> Data {
        asked.withLock { $0.append("\(server) \(query)") }
        guard let name = answers[server] else { throw CocoaError(.fileReadNoPermission) }
        return try Data(contentsOf: try FixturePaths.fixture(name))
    }
}

@Suite struct RegistrationLookupTests {
    private func bootstrap() throws -> RDAPBootstrap {
        try RDAPBootstrap.loadShipped(locator: ResolveDataLocator(candidates: [FixturePaths.shippedData]))
    }

    private func servers() throws -> WHOISServerTable {
        try WHOISServerTable.loadShipped(locator: ResolveDataLocator(candidates: [FixturePaths.shippedData]))
    }

    @Test func thinRegistryRDAPIsCompletedByTheRegistrarsAnswer() async throws {
        let http = CorpusHTTP(documents: [
            "https://rdap.verisign.com/com/v1/domain/lanternfish-studio.com": "rdap/verisign-com-thin.json",
            "https://rdap.cobaltnames.example/domain/LANTERNFISH-STUDIO.COM": "rdap/registrar-namesilo-style.json",
        ])
        let lookup = RegistrationLookup(
            bootstrap: try bootstrap(),
            fetcher: RDAPFetcher(http: http),
            whois: CorpusWHOIS(answers: [:]),
            servers: try servers()
        )
        let result = await lookup.lookup(domain: "lanternfish-studio.com")
        let facts = try #require(result.value, "warnings: \(result.warnings)")
        #expect(facts.registrar?.abuseEmail == "abuse@namesilo-example.example")
        #expect(facts.registrar?.ianaId == "1479")
        #expect(facts.registrant?.redacted == true)
        #expect(facts.registrant?.organization == nil)
        #expect(facts.source.method == .rdap)
        #expect(facts.source.server.contains("rdap.cobaltnames.example"))
        #expect(http.requests.withLock { $0.count } == 2)
    }

    @Test func ccTLDWithoutRDAPFallsBackToItsWHOISServer() async throws {
        let whois = CorpusWHOIS(answers: ["whois.tcinet.ru": "whois/ru-org.txt"])
        let lookup = RegistrationLookup(
            bootstrap: try bootstrap(),
            fetcher: RDAPFetcher(http: CorpusHTTP(documents: [:])),
            whois: whois,
            servers: try servers()
        )
        let result = await lookup.lookup(domain: "example-org.ru")
        let facts = try #require(result.value, "warnings: \(result.warnings)")
        #expect(facts.source == FactSource(.whois, server: "whois://whois.tcinet.ru"))
        #expect(facts.registrar?.name != nil)
        #expect(whois.asked.withLock { $0 } == ["whois.tcinet.ru example-org.ru"])
    }

    @Test func thinWHOISFollowsTheRegistrarReferralAndMergesTheAnswers() async throws {
        // A bootstrap without .com forces WHOIS, as for a TLD whose registry has no RDAP service.
        let none = RDAPBootstrapFile(
            description: "empty",
            publication: "2026-11-25T00:00:00Z",
            version: "1.0",
            services: []
        )
        let empty = try RDAPBootstrap(dns: none, ipv4: none, ipv6: none, asn: none)
        let whois = CorpusWHOIS(answers: [
            "whois.verisign-grs.com": "whois/com-verisign-thin.txt",
            "whois.cobaltnames.example": "whois/com-registrar-namesilo-style.txt",
        ])
        let lookup = RegistrationLookup(
            bootstrap: empty,
            fetcher: RDAPFetcher(http: CorpusHTTP(documents: [:])),
            whois: whois,
            servers: try servers()
        )
        let result = await lookup.lookup(domain: "lanternfish-studio.com")
        let facts = try #require(result.value, "warnings: \(result.warnings)")
        #expect(
            whois.asked.withLock { $0.map { $0.split(separator: " ")[0] } } == [
                "whois.verisign-grs.com", "whois.cobaltnames.example",
            ]
        )
        #expect(facts.registrar?.abuseEmail != nil)
        #expect(facts.source.server == "whois://whois.cobaltnames.example")
    }

    @Test func notFoundEverywhereGivesWarningsAndNoFacts() async throws {
        let lookup = RegistrationLookup(
            bootstrap: try bootstrap(),
            fetcher: RDAPFetcher(http: CorpusHTTP(documents: [:])),
            whois: CorpusWHOIS(answers: ["whois.tcinet.ru": "whois/ru-notfound.txt"]),
            servers: try servers()
        )
        let result = await lookup.lookup(domain: "nikto-net.ru")
        #expect(result.value == nil)
        #expect(result.warnings == ["nikto-net.ru: WHOIS whois.tcinet.ru has no record (not registered?)"])
    }

    @Test func networkLookupAsksTheRegistryTheBootstrapNames() async throws {
        let http = CorpusHTTP(documents: ["https://rdap.db.ripe.net/ip/88.198.21.14": "rdap/ripe-ip-network.json"])
        let lookup = RDAPNetworkLookup(bootstrap: try bootstrap(), fetcher: RDAPFetcher(http: http))
        let result = await lookup.lookup(ip: "88.198.21.14")
        let network = try #require(result.value, "warnings: \(result.warnings)")
        #expect(network.abuseEmail != nil)
        #expect(network.source?.server == "https://rdap.db.ripe.net/ip/88.198.21.14")
    }
}
