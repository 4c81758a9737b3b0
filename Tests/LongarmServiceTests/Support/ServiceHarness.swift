import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmLetters
import LongarmRules
import LongarmService
import LongarmStore
import LongarmTestSupport
import LongarmWatch
import NIOCore
import Testing

/// A service over an in-memory store, the shipped rules, templates and Public Suffix List, ``FakeHosting``, and a
/// re-check runner fetching from ``ScriptedHTTP``.
struct ServiceHarness {
    static let token = "test-token-0123456789abcdef"

    /// Re-check settings for tests: one gone check confirms a removal; no per-host rate limit; each check stored
    /// as soon as it is finished (so a test can wait for it).
    static let recheckSettings = RecheckConfiguration(
        judge: RemovalJudge(confirmations: 1, spacing: .zero),
        politeness: PolitenessPolicy(concurrency: 4, rate: 0),
        batchSize: 1,
        actor: "tester"
    )

    let server: LongarmServer
    let hosting: FakeHosting
    /// The pages re-checks fetch.
    let pages: ScriptedHTTP

    init(
        configure: (inout ServiceConfiguration) -> Void = { _ in },
        hosting: FakeHosting = FakeHosting(),
        recheck: RecheckConfiguration? = ServiceHarness.recheckSettings
    ) throws {
        var configuration = ServiceConfiguration(
            token: try APIToken(Self.token),
            resolutionPollInterval: .milliseconds(200),
            version: "test"
        )
        configure(&configuration)
        let shared = try Shared.loaded.get()
        let store = try LongarmStore.inMemory()
        let pages = ScriptedHTTP()
        let runner = recheck.map { settings in
            RecheckRunner(
                store: store,
                http: pages,
                configuration: settings,
                makeResolver: { hosting.resolver() },
                makeDrafter: nil,
                evidenceDirectory: nil
            )
        }
        let dependencies = ServiceDependencies(
            store: store,
            intake: shared.intake,
            planner: NoticePlanner(book: shared.book),
            book: shared.book,
            templates: shared.templates,
            makeResolver: { hosting.resolver() },
            recheck: runner
        )
        server = try LongarmServer(configuration: configuration, dependencies: dependencies)
        self.hosting = hosting
        self.pages = pages
    }

    /// The shipped rules, templates and Public Suffix List, loaded once per test process (they take seconds to load in
    /// a debug build, and never change).
    struct Shared: Sendable {
        var book: RuleBook
        var templates: TemplateLibrary
        var intake: TargetIntake

        static let loaded = Result<Shared, any Error>(catching: {
            guard let rules = RulesDataLocator.defaultDirectory(), let templates = TemplateLocator.defaultDirectory()
            else {
                throw CocoaError(.fileNoSuchFile)
            }
            return Shared(
                book: try RuleBook.load(from: rules),
                templates: try TemplateLibrary(directory: templates),
                intake: TargetIntake(
                    canonicalizer: URLCanonicalizer(
                        publicSuffixList: try PublicSuffixList.shipped(in: DataDirectory.locate())
                    )
                )
            )
        })
    }

    /// Runs `body` against the router, with the resolution worker running when `worker` is true.
    func test<Value>(
        worker: Bool = false,
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let app = Application(router: server.router, services: worker ? [server.worker] : [])
        return try await app.test(.router, body)
    }
}

/// The Authorization header with the harness's token.
let authorized: HTTPFields = [.authorization: "Bearer \(ServiceHarness.token)"]

/// Headers for a JSON body with the token.
let jsonPost: HTTPFields = [.authorization: "Bearer \(ServiceHarness.token)", .contentType: "application/json"]

extension TestClientProtocol {
    /// Sends a request and returns the status, headers and body parsed as a JSON object (empty when not JSON).
    func call(
        _ method: HTTPRequest.Method,
        _ uri: String,
        headers: HTTPFields = authorized,
        json: String? = nil
    ) async throws -> APIResult {
        var headers = headers
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: uri,
            method: method,
            headers: headers,
            body: json.map { ByteBuffer(string: $0) }
        ) { response in
            APIResult(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }
}

/// One answer of the API.
struct APIResult: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: Data

    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// `error.code` of an error body.
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }

    /// `error.message` of an error body.
    var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }
}

/// Creates a case and returns its id.
func createCase(
    _ client: any TestClientProtocol,
    json: String = #"{"holder": "Li Wei", "kind": "portrait"}"#
)
    async throws -> Int
{
    let result = try await client.call(.post, "/v1/cases", json: json)
    #expect(result.status == .created, "case creation failed: \(result.text)")
    return try #require(result.object["id"] as? Int)
}

/// Polls `condition` every 20 ms for at most `seconds`.
func eventually(seconds: Double = 60, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return false
}
