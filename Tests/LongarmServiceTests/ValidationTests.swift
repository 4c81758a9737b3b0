import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmService
import LongarmStore
import Testing

@Suite struct ValidationTests {
    @Test func badJSONGets400() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            for body in [#"{"holder": "Li Wei", "kind": "#, "[1, 2]", "\"text\"", "null"] {
                let result = try await client.call(.post, "/v1/cases", json: body)
                #expect(result.status == .badRequest, "\(body) → \(result.status)")
                #expect(result.errorCode == "bad_json")
            }
            let empty = try await client.call(.post, "/v1/cases", headers: jsonPost)
            #expect(empty.status == .badRequest)
            #expect(empty.errorMessage?.contains("empty") == true)
        }
    }

    @Test func unknownFieldsAreNamedAtEveryDepth() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let top = try await client.call(
                .post,
                "/v1/cases",
                json: #"{"holder": "Li Wei", "kind": "portrait", "holdr": "x"}"#
            )
            #expect(top.status == .badRequest)
            #expect(top.errorCode == "unknown_field")
            #expect(top.errorMessage?.hasPrefix("holdr: unknown field") == true)

            let nested = try await client.call(
                .post,
                "/v1/cases",
                json:
                    #"{"holder": "Li Wei", "kind": "portrait", "particulars": {"senderName": "A", "sendrEmail": "a@b"}}"#
            )
            #expect(nested.status == .badRequest)
            #expect(nested.errorMessage?.hasPrefix("particulars.sendrEmail: unknown field") == true)

            let caseID = try await createCase(client)
            let row = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"targets": [{"url": "https://a.example/1"}, {"url": "https://a.example/2", "kin": "x"}]}"#
            )
            #expect(row.status == .badRequest)
            #expect(row.errorMessage?.hasPrefix("targets[1].kin: unknown field") == true)
        }
    }

    @Test func wrongTypesAndMissingFieldsNameTheField() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let cases: [(String, String)] = [
                (#"{"holder": 7, "kind": "portrait"}"#, "holder: expected a string"),
                (#"{"kind": "portrait"}"#, "holder: required field missing"),
                (
                    #"{"holder": "A", "kind": "portrait", "particulars": {"ownsWork": "yes"}}"#,
                    "particulars.ownsWork: expected true or false"
                ),
                (#"{"holder": null, "kind": "portrait"}"#, "holder: must be a string, not null"),
            ]
            for (body, message) in cases {
                let result = try await client.call(.post, "/v1/cases", json: body)
                #expect(result.status == .badRequest, "\(body)")
                #expect(result.errorCode == "invalid_field")
                #expect(result.errorMessage == message)
            }
            let caseID = try await createCase(client)
            let urls = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": "https://a.example/"}"#
            )
            #expect(urls.status == .badRequest)
            #expect(urls.errorMessage == "urls: expected an array")
            let none = try await client.call(.post, "/v1/cases/\(caseID)/targets", json: #"{"urls": []}"#)
            #expect(none.status == .badRequest)
            #expect(none.errorCode == "invalid_field")
        }
    }

    @Test func unknownKindsAndCountriesAre422() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let kind = try await client.call(.post, "/v1/cases", json: #"{"holder": "A", "kind": "defamation"}"#)
            #expect(kind.status == .unprocessableContent)
            #expect(kind.errorCode == "invalid_value")
            #expect(kind.errorMessage?.hasPrefix(#"kind: "defamation" is not a kind"#) == true)

            let country = try await client.call(
                .post,
                "/v1/cases",
                json: #"{"holder": "A", "kind": "portrait", "holderCountry": "Japan"}"#
            )
            #expect(country.status == .unprocessableContent)
            #expect(country.errorMessage?.hasPrefix("holderCountry:") == true)

            let blank = try await client.call(.post, "/v1/cases", json: #"{"holder": "  ", "kind": "portrait"}"#)
            #expect(blank.status == .unprocessableContent)

            let caseID = try await createCase(client)
            let defaultKind = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://a.example/"], "kind": "piracy"}"#
            )
            #expect(defaultKind.status == .unprocessableContent)
            #expect(defaultKind.errorMessage?.hasPrefix("kind:") == true)
            let mode = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://a.example/"], "resolve": "later"}"#
            )
            #expect(mode.status == .unprocessableContent)
            #expect(mode.errorMessage?.hasPrefix("resolve:") == true)
            // Neither refused request stored anything.
            #expect(try harness.server.dependencies.store.targets(caseID: Int64(caseID)).isEmpty)
        }
    }

    @Test func oversizeBodyGets413BeforeAnythingIsStored() async throws {
        let harness = try ServiceHarness { $0.maxBodyBytes = 2048 }
        try await harness.test { client in
            let note = String(repeating: "x", count: 4096)
            let result = try await client.call(
                .post,
                "/v1/cases",
                json: #"{"holder": "Li Wei", "kind": "portrait", "title": "\#(note)"}"#
            )
            #expect(result.status == .contentTooLarge)
            #expect(result.errorCode == "body_too_large")
            #expect(try harness.server.dependencies.store.caseSummaries().isEmpty)
        }
    }

    @Test func tooManyURLsGet413() async throws {
        let harness = try ServiceHarness { $0.maxTargetsPerRequest = 3 }
        try await harness.test { client in
            let caseID = try await createCase(client)
            let urls = (1...4).map { "\"https://a.example/\($0)\"" }.joined(separator: ",")
            let result = try await client.call(.post, "/v1/cases/\(caseID)/targets", json: #"{"urls": [\#(urls)]}"#)
            #expect(result.status == .contentTooLarge)
            #expect(result.errorCode == "too_many_targets")
        }
    }

    @Test func nonJSONBodyGets415() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            var headers = authorized
            headers[.contentType] = "text/plain"
            let result = try await client.call(.post, "/v1/cases", headers: headers, json: "holder=A")
            #expect(result.status == .unsupportedMediaType)
            #expect(result.errorCode == "unsupported_media_type")
            let none = try await client.call(.post, "/v1/cases", headers: authorized)
            #expect(none.status == .unsupportedMediaType)
            var vendor = authorized
            vendor[.contentType] = "application/merge-patch+json; charset=utf-8"
            let accepted = try await client.call(
                .post,
                "/v1/cases",
                headers: vendor,
                json: #"{"holder": "A", "kind": "portrait"}"#
            )
            #expect(accepted.status == .created)
        }
    }

    @Test func wrongMethodGets405WithAllowAndUnknownPath404() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let delete = try await client.call(.delete, "/v1/cases/3")
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET")
            #expect(delete.errorCode == "method_not_allowed")
            let getCases = try await client.call(.get, "/v1/cases")
            #expect(getCases.status == .methodNotAllowed)
            #expect(getCases.headers[.allow] == "POST")
            let unknown = try await client.call(.get, "/v1/nothing/here")
            #expect(unknown.status == .notFound)
            #expect(unknown.errorCode == "not_found")
        }
        #expect(harness.server.metrics.requestCount(route: "unmatched", method: "GET", status: 404) == 1)
    }

    @Test(arguments: ["abc", "0", "-1", "99999999999999999999"])
    func badIdentifiersGet400(id: String) async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let result = try await client.call(.get, "/v1/cases/\(id)")
            #expect(result.status == .badRequest)
            #expect(result.errorCode == "invalid_parameter")
            #expect(result.errorMessage?.contains(id) == true)
        }
    }
}
