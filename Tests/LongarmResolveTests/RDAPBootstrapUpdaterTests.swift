import Foundation
import LongarmCore
import Synchronization
import Testing

@testable import LongarmResolve

/// Serves canned responses by URL and records the requests; an unknown URL is a transport failure.
private final class CannedFetcher: HTTPFetching {
    struct Unreachable: Error {}
    let responses: [String: (status: Int, headers: [HTTPHeader], body: Data, truncated: Bool)]
    let requests = Mutex<[HTTPRequest]>([])

    init(_ responses: [String: (status: Int, headers: [HTTPHeader], body: Data, truncated: Bool)]) {
        self.responses = responses
    }

    func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
        requests.withLock { $0.append(request) }
        guard let response = responses[request.url] else { throw Unreachable() }
        return HTTPExchange(
            request: request,
            status: response.status,
            headers: response.headers,
            body: response.body,
            bodyTruncated: response.truncated
        )
    }
}

private let base = "https://data.iana.org/rdap/"

private func goodResponses() throws -> [String: (status: Int, headers: [HTTPHeader], body: Data, truncated: Bool)] {
    var responses: [String: (status: Int, headers: [HTTPHeader], body: Data, truncated: Bool)] = [:]
    for name in RDAPBootstrap.fileNames {
        let data = try Data(contentsOf: FixturePaths.fixture("rdap-bootstrap/good/\(name)"))
        responses[base + name] = (200, [], data, false)
    }
    return responses
}

private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-update-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A previous bootstrap in `folder`: the shipped snapshot's files.
private func seedShipped(_ folder: URL) throws {
    for name in RDAPBootstrap.fileNames {
        try FileManager.default.copyItem(
            at: FixturePaths.shippedData.appendingPathComponent("rdap/\(name)"),
            to: folder.appendingPathComponent(name)
        )
    }
}

@Test func writesAllFourFilesAndReportsThem() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fetcher = CannedFetcher(try goodResponses())
    let updates = try await RDAPBootstrapUpdater(fetcher: fetcher).update(directory: folder)
    #expect(updates.map(\.file) == RDAPBootstrap.fileNames)
    #expect(
        updates.map(\.publication) == [
            "2024-04-10T20:00:01Z", "2024-04-11T00:00:00Z", "2024-04-12T00:00:00Z", "2024-04-13T00:00:00Z",
        ]
    )
    #expect(updates.map(\.entries) == [4, 4, 3, 4])
    #expect(updates.allSatisfy { $0.previousPublication == nil })
    let written = try RDAPBootstrap.load(directory: folder)
    #expect(written.serviceURLs(forDomain: "example.com").first?.host == "rdap.verisign.com")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
    let requests = fetcher.requests.withLock { $0 }
    #expect(requests.map(\.url) == RDAPBootstrap.fileNames.map { base + $0 })
    #expect(
        requests.allSatisfy {
            $0.maxBodyBytes == 4 << 20 && $0.headers.contains(HTTPHeader("Accept", "application/json"))
        }
    )
}

@Test func refusesAShrunkenFileUnlessForced() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try seedShipped(folder)
    let before = try Data(contentsOf: folder.appendingPathComponent("dns.json"))
    let updater = RDAPBootstrapUpdater(fetcher: CannedFetcher(try goodResponses()))
    let error = await #expect(throws: RDAPBootstrapUpdateError.self) { try await updater.update(directory: folder) }
    #expect(error?.code == .shrunk)
    #expect(error?.subject == base + "dns.json")
    #expect(try Data(contentsOf: folder.appendingPathComponent("dns.json")) == before)

    let updates = try await updater.update(directory: folder, force: true)
    #expect(updates.first?.previousPublication == "2026-11-25T00:00:00Z")
    #expect(try Data(contentsOf: folder.appendingPathComponent("dns.json")) != before)
}

@Test func writesNothingWhenOneFileIsInvalid() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try seedShipped(folder)
    var responses = try goodResponses()
    responses[base + "ipv4.json"] = (
        200, [], try Data(contentsOf: FixturePaths.fixture("rdap-bootstrap/bad-cidr/ipv4.json")), false
    )
    let error = await #expect(throws: RDAPBootstrapUpdateError.self) {
        try await RDAPBootstrapUpdater(fetcher: CannedFetcher(responses)).update(directory: folder, force: true)
    }
    #expect(error?.description == #"https://data.iana.org/rdap/ipv4.json: "300.0.0.0/8" is not a CIDR prefix"#)
    #expect(try RDAPBootstrap.load(directory: folder).publications["dns.json"] == "2026-11-25T00:00:00Z")
}

@Test func followsHTTPSRedirectsOnly() async throws {
    var responses = try goodResponses()
    let moved = "https://mirror.example/rdap/asn.json"
    responses[moved] = responses[base + "asn.json"]
    responses[base + "asn.json"] = (302, [HTTPHeader("Location", moved)], Data(), false)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let updates = try await RDAPBootstrapUpdater(fetcher: CannedFetcher(responses)).update(directory: folder)
    #expect(updates.last?.publication == "2024-04-13T00:00:00Z")

    responses[base + "asn.json"] = (301, [HTTPHeader("Location", "http://mirror.example/rdap/asn.json")], Data(), false)
    let error = await #expect(throws: RDAPBootstrapUpdateError.self) {
        try await RDAPBootstrapUpdater(fetcher: CannedFetcher(responses)).update(directory: folder)
    }
    #expect(error?.detail == "redirect without an https Location")
}

@Test func reportsStatusTruncationAndTransportFailures() async throws {
    var responses = try goodResponses()
    responses[base + "ipv6.json"] = (503, [], Data("busy".utf8), false)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let status = await #expect(throws: RDAPBootstrapUpdateError.self) {
        try await RDAPBootstrapUpdater(fetcher: CannedFetcher(responses)).update(directory: folder)
    }
    #expect(status?.description == "https://data.iana.org/rdap/ipv6.json: HTTP status 503")

    responses = try goodResponses()
    responses[base + "dns.json"]?.truncated = true
    let truncated = await #expect(throws: RDAPBootstrapUpdateError.self) {
        try await RDAPBootstrapUpdater(fetcher: CannedFetcher(responses), maxBytes: 1000).update(directory: folder)
    }
    #expect(truncated?.detail == "larger than 1000 bytes")

    let unreachable = await #expect(throws: RDAPBootstrapUpdateError.self) {
        try await RDAPBootstrapUpdater(fetcher: CannedFetcher([:])).update(directory: folder)
    }
    #expect(unreachable?.code == .unreachable)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
}
