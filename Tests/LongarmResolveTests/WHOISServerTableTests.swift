import Foundation
import Testing

@testable import LongarmResolve

private func shipped() throws -> WHOISServerTable {
    try WHOISServerTable.loadShipped(locator: ResolveDataLocator(candidates: [FixturePaths.shippedData]))
}

// The ccTLDs without RDAP whose layouts the parsers cover, and the common gTLDs.
@Test(arguments: [
    ("example.jp", "whois.jprs.jp"), ("example.co.jp", "whois.jprs.jp"), ("example.ru", "whois.tcinet.ru"),
    ("example.su", "whois.tcinet.ru"), ("example.com.cn", "whois.cnnic.cn"), ("example.hk", "whois.hkirc.hk"),
    ("example.com.tw", "whois.twnic.net.tw"), ("example.kr", "whois.kr"), ("example.de", "whois.denic.de"),
    ("example.co.uk", "whois.nic.uk"), ("example.fr", "whois.nic.fr"), ("example.nl", "whois.domain-registry.nl"),
    ("example.eu", "whois.eu"), ("example.com.br", "whois.registro.br"), ("example.com.au", "whois.auda.org.au"),
    ("example.sg", "whois.sgnic.sg"), ("example.com", "whois.verisign-grs.com"),
    ("EXAMPLE.NET.", "whois.verisign-grs.com"),
    ("example.org", "whois.pir.org"), ("example.co.za", "whois.registry.net.za"),
    ("example.uk.com", "whois.centralnic.net"), ("example.ac.uk", "whois.nic.ac.uk"),
])
func findsTheServerByLongestSuffix(domain: String, server: String) throws {
    #expect(try shipped().entry(forDomain: domain)?.server == server)
}

@Test func carriesQueryFormsAndKinds() throws {
    let table = try shipped()
    let com = try #require(table.entry(forDomain: "example.com"))
    #expect(com.kind == .thin)
    #expect(com.queryText(for: "example.com") == "domain example.com")
    #expect(table.entry(forDomain: "example.jp")?.queryText(for: "example.jp") == "example.jp/e")
    #expect(table.entry(forDomain: "example.de")?.queryText(for: "example.de") == "-T dn,ace example.de")
    #expect(table.entry(forDomain: "example.fr")?.queryText(for: "example.fr") == "example.fr")
    #expect(table.entry(forDomain: "example.fr")?.effectivePort == 43)
    #expect(table.entry(forDomain: "example.com.br")?.charset == "iso-8859-1")
    #expect(table.entry(forDomain: "example.info")?.kind == WHOISServerEntry.Kind.none)
    #expect(table.entry(forDomain: "example.io")?.kind == WHOISServerEntry.Kind.none)
    #expect(table.entry(forDomain: "example.za")?.kind == WHOISServerEntry.Kind.none)
    let web = try #require(table.entry(forDomain: "example.vn"))
    #expect(web.kind == .web)
    #expect(web.url == "http://www.vnnic.vn/en")
    #expect(table.entry(forDomain: "example.es")?.kind == .web)
}

@Test func fallsBackToIANAForUnlistedTLDs() throws {
    let table = try shipped()
    #expect(table.entry(forDomain: "example.zz-unlisted") == nil)
    // "xjp" is not the label "jp".
    #expect(table.entry(forDomain: "example.xjp") == nil)
    #expect(table.fallbackServer == "whois.iana.org")
    #expect(table.updated != nil)
    #expect(table.count >= 100)
}

@Test func laterRowsReplaceEarlierOnesAndSuffixesAreNormalised() {
    let table = WHOISServerTable(entries: [
        WHOISServerEntry(suffix: ".test.", kind: .direct, server: "old.example"),
        WHOISServerEntry(suffix: "TEST", kind: .direct, server: "new.example"),
    ])
    #expect(table.entry(forDomain: "a.test")?.server == "new.example")
    #expect(table.fallbackServer == "whois.iana.org")
}

@Test(arguments: [
    (
        #"{"fallback": "whois.iana.org", "servers": [{"suffix": "jp", "kind": "direct"}]}"#,
        #"servers.json: suffix "jp" of kind direct lacks "server""#
    ),
    (
        #"{"fallback": "whois.iana.org", "servers": [{"suffix": "vn", "kind": "web"}]}"#,
        #"servers.json: suffix "vn" of kind web lacks "url""#
    ),
])
func rejectsRowsThatCannotBeUsed(json: String, message: String) {
    let error = #expect(throws: ResolveDataError.self) {
        try WHOISServerTable(data: Data(json.utf8), file: "servers.json")
    }
    #expect(error?.description == message)
}

@Test func rejectsAnUnknownKind() {
    let json = #"{"fallback": "whois.iana.org", "servers": [{"suffix": "jp", "kind": "magic", "server": "x"}]}"#
    let error = #expect(throws: ResolveDataError.self) {
        try WHOISServerTable(data: Data(json.utf8), file: "servers.json")
    }
    #expect(error?.code == .malformed)
}
