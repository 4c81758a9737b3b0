import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmService
import LongarmStore
import Testing

/// `docs/openapi.yaml` against the router: every route documented, every documented route served, and a real
/// response of each route (success and errors) matching its documented status and schema.
@Suite struct OpenAPITests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteIsServed() throws {
        let document = try OpenAPIDocument()
        let harness = try ServiceHarness()
        let routed = Set(
            harness.server.router.routes.map {
                "\($0.method.rawValue) \(APIRoute.openAPIPath(fromRouter: $0.path.description))"
            }
        )
        #expect(!routed.isEmpty)
        #expect(
            routed.subtracting(document.operations).isEmpty,
            "undocumented: \(routed.subtracting(document.operations))"
        )
        #expect(
            document.operations.subtracting(routed).isEmpty,
            "not routed: \(document.operations.subtracting(routed))"
        )
        #expect(Set(APIRouter.routes.map(\.description)) == routed)
    }

    @Test func securityMatchesWhichRoutesAreOpen() throws {
        let document = try OpenAPIDocument()
        #expect(document.root["security"] as? [[String: Any]] != nil, "a global bearer requirement")
        for route in APIRouter.routes {
            let operation = try #require(document.operation(route.method.rawValue, route.path))
            let open = (operation["security"] as? [Any])?.isEmpty == true
            #expect(open == !route.authenticated, "\(route): documented open \(open)")
            if route.authenticated {
                #expect(document.response(route.method.rawValue, route.path, status: 401) != nil, "\(route) lacks 401")
            }
        }
    }

    @Test func sampleResponsesMatchTheirDocumentedSchemas() async throws {
        let document = try OpenAPIDocument()
        let harness = try ServiceHarness { $0.maxBodyBytes = 4096 }
        let samples = try await harness.test { client -> [(String, String, APIResult)] in
            var samples: [(String, String, APIResult)] = []
            func record(_ method: HTTPRequest.Method, _ template: String, _ result: APIResult) {
                samples.append((method.rawValue, template, result))
            }
            record(.get, "/healthz", try await client.call(.get, "/healthz", headers: [:]))
            let created = try await client.call(
                .post,
                "/v1/cases",
                json:
                    #"{"holder": "Li Wei", "kind": "portrait", "holderCountry": "CN", "particulars": {"senderName": "Li"}}"#
            )
            record(.post, "/v1/cases", created)
            let id = created.object["id"] as? Int ?? 0
            record(.post, "/v1/cases", try await client.call(.post, "/v1/cases", json: "{"))
            record(
                .post,
                "/v1/cases",
                try await client.call(.post, "/v1/cases", json: #"{"holder": "A", "kind": "x"}"#)
            )
            record(
                .post,
                "/v1/cases",
                try await client.call(.post, "/v1/cases", headers: [:], json: #"{"holder": "A", "kind": "portrait"}"#)
            )
            var text = authorized
            text[.contentType] = "text/plain"
            record(.post, "/v1/cases", try await client.call(.post, "/v1/cases", headers: text, json: "x"))
            let big = String(repeating: "x", count: 5000)
            record(
                .post,
                "/v1/cases",
                try await client.call(.post, "/v1/cases", json: #"{"holder": "\#(big)", "kind": "portrait"}"#)
            )
            record(.get, "/v1/cases/{id}", try await client.call(.get, "/v1/cases/\(id + 100)"))
            record(.get, "/v1/cases/{id}", try await client.call(.get, "/v1/cases/abc"))

            let targets = "/v1/cases/\(id)/targets"
            record(
                .post,
                "/v1/cases/{id}/targets",
                try await client.call(
                    .post,
                    targets,
                    json: #"{"urls": ["https://videos.deepclip-host.net/v/1", "ftp://x.example/"], "resolve": "wait"}"#
                )
            )
            record(
                .post,
                "/v1/cases/{id}/targets",
                try await client.call(.post, targets, json: #"{"urls": ["https://a.example/q"]}"#)
            )
            record(
                .post,
                "/v1/cases/{id}/targets",
                try await client.call(.post, targets, json: #"{"urls": ["https://a.example/q"]}"#)
            )
            record(
                .post,
                "/v1/cases/{id}/targets",
                try await client.call(.post, targets, json: #"{"urls": ["mailto:a@b"]}"#)
            )
            record(.get, "/v1/cases/{id}", try await client.call(.get, "/v1/cases/\(id)"))
            record(.get, "/v1/cases/{id}/plan", try await client.call(.get, "/v1/cases/\(id)/plan"))
            record(.get, "/v1/cases/{id}/letters", try await client.call(.get, "/v1/cases/\(id)/letters?draft=true"))
            record(.get, "/v1/cases/{id}/letters", try await client.call(.get, "/v1/cases/\(id)/letters"))
            let recheck = "/v1/recheck"
            record(.post, recheck, try await client.call(.post, recheck, json: #"{"caseId": \#(id)}"#))
            record(.post, recheck, try await client.call(.post, recheck, json: #"{"scope": "hourly"}"#))
            record(.post, recheck, try await client.call(.post, recheck, json: #"{"caseId": \#(id + 100)}"#))
            record(.get, "/v1/targets/{id}/history", try await client.call(.get, "/v1/targets/1/history"))
            record(.get, "/v1/targets/{id}/history", try await client.call(.get, "/v1/targets/999/history"))
            record(.get, "/metrics", try await client.call(.get, "/metrics"))
            return samples
        }
        var statuses: [String: Set<Int>] = [:]
        for (method, template, result) in samples {
            let label = "\(method) \(template) \(result.status.code)"
            statuses["\(method) \(template)", default: []].insert(result.status.code)
            let response = try #require(
                document.response(method, template, status: result.status.code),
                "\(label) is not documented"
            )
            let content = try #require(response["content"] as? [String: Any], "\(label) documents no content")
            let mediaType = (result.headers[.contentType] ?? "").split(separator: ";").first.map(String.init) ?? ""
            let media = try #require(content[mediaType] as? [String: Any], "\(label): \(mediaType) not documented")
            if mediaType == "application/json" {
                let schema = try #require(media["schema"] as? [String: Any])
                let json = try JSONSerialization.jsonObject(with: result.body)
                let problems = document.problems(json, schema: schema)
                #expect(problems.isEmpty, "\(label): \(problems)")
            }
        }
        // Every route was sampled with its success status.
        let successes: [String: Int] = [
            "GET /healthz": 200, "GET /metrics": 200, "POST /v1/cases": 201, "GET /v1/cases/{id}": 200,
            "POST /v1/cases/{id}/targets": 201, "GET /v1/cases/{id}/plan": 200, "GET /v1/cases/{id}/letters": 200,
            "POST /v1/recheck": 200, "GET /v1/targets/{id}/history": 200,
        ]
        for route in APIRouter.routes {
            let success = try #require(successes[route.description], "\(route) has no sample")
            #expect(
                statuses[route.description]?.contains(success) == true,
                "\(route): \(statuses[route.description] ?? [])"
            )
        }
        #expect(statuses["POST /v1/cases/{id}/targets"] == [200, 201, 202, 422])
        #expect(statuses["POST /v1/cases"] == [201, 400, 401, 413, 415, 422])
        #expect(statuses["POST /v1/recheck"] == [200, 404, 422])
        #expect(statuses["GET /v1/targets/{id}/history"] == [200, 404])
    }
}
