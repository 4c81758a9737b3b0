import Foundation
import LongarmCore
import Testing

@testable import LongarmResolve

private func fixtureBootstrap() throws -> RDAPBootstrap {
    try RDAPBootstrap.load(directory: FixturePaths.fixture("rdap-bootstrap/good"))
}

private func ip(_ text: String) throws -> IPAddress { try #require(IPAddress(text)) }

@Test(arguments: [
    ("www.example.com", "https://rdap.verisign.com/com/v1/"),
    ("EXAMPLE.NET.", "https://rdap.verisign.com/com/v1/"),
    ("a.b.example.co.uk", "https://rdap.nominet.uk/uk/"),
    ("service.gov.uk", "https://rdap.gov-uk.test/"),
    ("github.io", "https://rdap.identitydigital.services/rdap/"),
    ("mercadolibre.com.ar", "https://rdap.nic.ar/"),
])
func findsDomainServiceByLongestLabelSuffix(domain: String, expected: String) throws {
    #expect(try fixtureBootstrap().serviceURLs(forDomain: domain).first?.absoluteString == expected)
}

@Test func answersNothingForUnknownTLDsAndPartialLabels() throws {
    let bootstrap = try fixtureBootstrap()
    #expect(bootstrap.serviceURLs(forDomain: "example.jp").isEmpty)
    // "xcom" ends in the characters "com" but not in the label "com".
    #expect(bootstrap.serviceURLs(forDomain: "example.xcom").isEmpty)
}

@Test func prefersIANAOverAnOverrideForTheSameLabel() throws {
    #expect(
        try fixtureBootstrap().serviceURLs(forDomain: "example.com").map(\.absoluteString) == [
            "https://rdap.verisign.com/com/v1/"
        ]
    )
}

@Test func putsHTTPSBeforeHTTPAndAddsTheTrailingSlash() throws {
    let bootstrap = try fixtureBootstrap()
    #expect(
        bootstrap.serviceURLs(forDomain: "x.uk").map(\.absoluteString) == [
            "https://rdap.nominet.uk/uk/", "http://rdap.nominet.uk/uk/",
        ]
    )
    #expect(
        try bootstrap.serviceURLs(forIP: ip("41.1.2.3")).map(\.absoluteString) == [
            "https://rdap.afrinic.net/rdap/", "http://rdap.afrinic.net/rdap/",
        ]
    )
}

@Test(arguments: [
    ("41.1.2.3", "https://rdap.afrinic.net/rdap/"),
    ("41.200.0.1", "https://rdap.example-nir.test/"),
    ("102.0.0.1", "https://rdap.afrinic.net/rdap/"),
    ("8.8.8.8", "https://rdap.arin.net/registry/"),
    ("::ffff:8.8.4.4", "https://rdap.arin.net/registry/"),
    ("2c0f:f000::1", "https://rdap.afrinic.net/rdap/"),
    ("2001:4200:1::1", "https://rdap.afrinic.net/rdap/"),
    ("2400:6180:0:d0::1f:5001", "https://rdap.apnic.net/"),
])
func findsAddressServiceByLongestPrefix(address: String, expected: String) throws {
    #expect(try fixtureBootstrap().serviceURLs(forIP: ip(address)).first?.absoluteString == expected)
}

@Test func answersNothingForUnlistedAddresses() throws {
    let bootstrap = try fixtureBootstrap()
    #expect(try bootstrap.serviceURLs(forIP: ip("9.9.9.9")).isEmpty)
    #expect(try bootstrap.serviceURLs(forIP: ip("2001:4400::1")).isEmpty)
}

@Test(arguments: [
    (UInt32(36864), "https://rdap.afrinic.net/rdap/"),
    (37887, "https://rdap.afrinic.net/rdap/"),
    (2018, "https://rdap.afrinic.net/rdap/"),
    (1, "https://rdap.arin.net/registry/"),
    (1876, "https://rdap.arin.net/registry/"),
    (393216, "https://rdap.arin.net/registry/"),
])
func findsASNServiceByRange(asn: UInt32, expected: String) throws {
    #expect(try fixtureBootstrap().serviceURLs(forASN: asn).first?.absoluteString == expected)
}

@Test(arguments: [UInt32(0), 1877, 2017, 2019, 37888, 401309, 4_294_967_295])
func answersNothingOutsideASNRanges(asn: UInt32) throws {
    #expect(try fixtureBootstrap().serviceURLs(forASN: asn).isEmpty)
}

@Test func recordsEachFilesPublicationDate() throws {
    let publications = try fixtureBootstrap().publications
    #expect(publications["dns.json"] == "2024-04-10T20:00:01Z")
    #expect(publications["asn.json"] == "2024-04-13T00:00:00Z")
    #expect(publications["overrides.json"] == "2024-05-01T00:00:00Z")
}

@Test func namesTheFileAndEntryOfABadPrefix() throws {
    let error = #expect(throws: ResolveDataError.self) {
        try RDAPBootstrap.load(directory: FixturePaths.fixture("rdap-bootstrap/bad-cidr"))
    }
    #expect(error?.description == #"ipv4.json: "300.0.0.0/8" is not a CIDR prefix"#)
}

@Test func namesAMissingFolderFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-empty-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: ResolveDataError.self) { try RDAPBootstrap.load(directory: folder) }
    #expect(error?.code == .notFound)
    #expect(error?.description.hasSuffix("dns.json: does not exist") == true)
}

@Test(arguments: [
    (#"{"version": "1.0", "services": []}"#, "the bootstrap file lists no services"),
    (#"{"version": "1.0"}"#, #"not an RDAP bootstrap file (missing "services")"#),
    (
        #"{"version": "1.0", "services": [[["com"]]]}"#,
        "not an RDAP bootstrap file (bad value at services.Index 0.Index 1)"
    ),
    ("<html>", "not an RDAP bootstrap file (invalid JSON)"),
])
func rejectsMalformedBootstrapFiles(json: String, detail: String) {
    let error = #expect(throws: ResolveDataError.self) {
        try RDAPBootstrapFile.decode(Data(json.utf8), file: "dns.json")
    }
    #expect(error?.detail == detail)
}

@Test func shippedSnapshotCoversEveryRegistry() throws {
    let bootstrap = try RDAPBootstrap.loadShipped(locator: ResolveDataLocator(candidates: [FixturePaths.shippedData]))
    func first(_ urls: [URL]) -> String? { urls.first?.host }
    #expect(try first(bootstrap.serviceURLs(forIP: ip("8.8.8.8"))) == "rdap.arin.net")
    #expect(try first(bootstrap.serviceURLs(forIP: ip("88.198.21.14"))) == "rdap.db.ripe.net")
    #expect(try first(bootstrap.serviceURLs(forIP: ip("1.1.1.1"))) == "rdap.apnic.net")
    #expect(try first(bootstrap.serviceURLs(forIP: ip("200.160.2.3"))) == "rdap.lacnic.net")
    #expect(try first(bootstrap.serviceURLs(forIP: ip("196.216.2.1"))) == "rdap.afrinic.net")
    #expect(try first(bootstrap.serviceURLs(forIP: ip("2400:6180:0:d0::1f:5001"))) == "rdap.apnic.net")
    #expect(try first(bootstrap.serviceURLs(forIP: ip("2a01:4f8::1"))) == "rdap.db.ripe.net")
    #expect(try first(bootstrap.serviceURLs(forIP: ip("2606:4700::1111"))) == "rdap.arin.net")
    #expect(first(bootstrap.serviceURLs(forASN: 15169)) == "rdap.arin.net")
    #expect(first(bootstrap.serviceURLs(forASN: 24940)) == "rdap.db.ripe.net")
    #expect(first(bootstrap.serviceURLs(forASN: 4608)) == "rdap.apnic.net")
    #expect(first(bootstrap.serviceURLs(forDomain: "example.com")) == "rdap.verisign.com")
    #expect(first(bootstrap.serviceURLs(forDomain: "example.org")) == "rdap.publicinterestregistry.org")
    #expect(first(bootstrap.serviceURLs(forDomain: "example.io")) == "rdap.identitydigital.services")
    #expect(first(bootstrap.serviceURLs(forDomain: "example.de")) == "rdap.denic.de")
    #expect(bootstrap.serviceURLs(forDomain: "example.jp").isEmpty)
    #expect(bootstrap.serviceURLs(forIP: try ip("10.0.0.1")).isEmpty)
    for name in RDAPBootstrap.fileNames { #expect(bootstrap.publications[name] != nil) }
}

@Test func locatorFollowsCoresDataDirectoryRule() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-loc-\(UUID())")
    let nested = root.appendingPathComponent("a/b/c")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
        at: root.appendingPathComponent("Data/rdap"),
        withIntermediateDirectories: true
    )
    try Data("{}".utf8).write(to: root.appendingPathComponent("Data/rdap/dns.json"))
    try Data("# sources\n".utf8).write(to: root.appendingPathComponent("Data/SOURCES.md"))
    defer { try? FileManager.default.removeItem(at: root) }

    // A Data/ folder (marked by SOURCES.md) above the executable, as DataDirectory finds it for every module.
    let walked = ResolveDataLocator(environment: [:], executablePath: nested.appendingPathComponent("longarm").path)
    #expect(
        try walked.locate("rdap/dns.json").standardizedFileURL.path
            == root.appendingPathComponent("Data/rdap/dns.json").path
    )
    let missing = #expect(throws: ResolveDataError.self) { try walked.locate("rdap/nothing.json") }
    #expect(missing?.code == .notFound)

    let explicit = ResolveDataLocator(
        environment: ["LONGARM_DATA": nested.path],
        executablePath: nested.appendingPathComponent("longarm").path
    )
    #expect(explicit.candidates.first?.path == nested.path, "LONGARM_DATA comes first")
    let absent = ResolveDataLocator(environment: ["LONGARM_DATA": "/nonexistent-longarm-data"], executablePath: nil)
    let error = #expect(throws: ResolveDataError.self) { try absent.locate("rdap/dns.json") }
    #expect(error?.description.contains("LONGARM_DATA=/nonexistent-longarm-data") == true)
}

@Test func flagBeatsEnvironmentWhichBeatsTheShippedSnapshot() throws {
    let locator = ResolveDataLocator(candidates: [FixturePaths.shippedData])
    let fixture = try FixturePaths.fixture("rdap-bootstrap/good").path
    let shipped = try RDAPBootstrap.open(override: nil, environment: [:], locator: locator)
    #expect(shipped.publications["dns.json"] == "2026-11-25T00:00:00Z")
    let fromEnvironment = try RDAPBootstrap.open(
        override: nil,
        environment: ["LONGARM_RDAP_BOOTSTRAP": fixture],
        locator: locator
    )
    #expect(fromEnvironment.publications["dns.json"] == "2024-04-10T20:00:01Z")
    let fromFlag = try RDAPBootstrap.open(
        override: fixture,
        environment: ["LONGARM_RDAP_BOOTSTRAP": "/nonexistent"],
        locator: locator
    )
    #expect(fromFlag.publications["dns.json"] == "2024-04-10T20:00:01Z")
    let error = #expect(throws: ResolveDataError.self) {
        try RDAPBootstrap.open(override: "/nonexistent/rdap", environment: [:], locator: locator)
    }
    #expect(error?.code == .notFound)
}

@Test func aUserFolderWithoutOverridesGetsTheShippedOnes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-iana-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in RDAPBootstrap.fileNames {
        try FileManager.default.copyItem(
            at: FixturePaths.fixture("rdap-bootstrap/good/\(name)"),
            to: folder.appendingPathComponent(name)
        )
    }
    let locator = ResolveDataLocator(candidates: [FixturePaths.shippedData])
    let bootstrap = try RDAPBootstrap.open(override: folder.path, environment: [:], locator: locator)
    // .de is only in the shipped overrides; .com still comes from the user's dns.json.
    #expect(bootstrap.serviceURLs(forDomain: "example.de").first?.host == "rdap.denic.de")
    #expect(bootstrap.serviceURLs(forDomain: "example.com").first?.host == "rdap.verisign.com")
    #expect(bootstrap.publications["overrides.json"] == "2026-11-25T00:00:00Z")
}
