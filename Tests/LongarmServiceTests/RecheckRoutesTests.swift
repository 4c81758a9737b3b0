import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmStore
import LongarmTestSupport
import Testing

@testable import LongarmService

/// `POST /v1/recheck` and `GET /v1/targets/{id}/history` over the real re-check runner and store; pages come from
/// ``ScriptedHTTP``.
@Suite struct RecheckRoutesTests {
    static let url = "https://videos.deepclip-host.net/v/1"

    /// Creates a case with one resolved target; returns the case and target identifiers.
    private func resolvedTarget(_ client: any TestClientProtocol) async throws -> (caseID: Int, targetID: Int) {
        let caseID = try await createCase(client)
        let added = try await client.call(
            .post,
            "/v1/cases/\(caseID)/targets",
            json: #"{"urls": ["\#(Self.url)"], "resolve": "wait"}"#
        )
        #expect(added.status == .created, "\(added.text)")
        let targets = try #require(added.object["added"] as? [[String: Any]])
        let target = try #require(targets.first?["target"] as? [String: Any])
        return (caseID, try #require(target["id"] as? Int))
    }

    @Test func aRunChecksTheCaseThenA404RemovesTheTargetAndTheHistoryShowsBoth() async throws {
        let harness = try ServiceHarness()
        let targetID = try await harness.test { client in
            let (caseID, targetID) = try await resolvedTarget(client)
            let first = try await client.call(.post, "/v1/recheck", json: #"{"caseId": \#(caseID)}"#)
            #expect(first.status == .ok, "\(first.text)")
            #expect(first.object["checked"] as? Int == 1)
            #expect((first.object["outcomes"] as? [String: Int])?["response"] == 1)

            harness.pages.set(Self.url, .page(status: 404, body: "gone"))
            let second = try await client.call(.post, "/v1/recheck", json: #"{"targetIds": [\#(targetID)]}"#)
            #expect(second.status == .ok, "\(second.text)")
            let changes = try #require(second.object["changes"] as? [[String: Any]])
            #expect(changes.count == 1)
            #expect(changes.first?["to"] as? String == "removed")
            #expect(changes.first?["httpStatus"] as? Int == 404)

            let history = try await client.call(.get, "/v1/targets/\(targetID)/history")
            #expect(history.status == .ok, "\(history.text)")
            #expect(history.object["state"] as? String == "removed")
            let checks = (history.object["entries"] as? [[String: Any]] ?? []).filter {
                $0["kind"] as? String == "check"
            }
            #expect(checks.map { $0["httpStatus"] as? Int } == [200, 404])
            #expect(checks.last?["state"] as? String == "removed")
            return targetID
        }
        let stored = try harness.server.dependencies.store.checks(targetID: Int64(targetID))
        #expect(stored.count == 2)
        #expect(harness.pages.requests.map(\.url) == [Self.url, Self.url])
    }

    @Test func badSelectionsAreRefusedNamingTheField() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let (caseID, _) = try await resolvedTarget(client)
            let cases: [(String, HTTPResponse.Status, String, String)] = [
                (#"{"scope": "weekly"}"#, .unprocessableContent, "invalid_value", "scope"),
                (#"{"scope": "all", "caseId": \#(caseID)}"#, .badRequest, "invalid_field", "at most one"),
                (#"{"targetIds": []}"#, .badRequest, "invalid_field", "targetIds"),
                (#"{"when": "now"}"#, .badRequest, "unknown_field", "when"),
                (#"{"caseId": 999}"#, .notFound, "not_found", "case 999"),
                (#"{"targetIds": [1, 998, 999]}"#, .notFound, "not_found", "998, 999"),
                ("[1]", .badRequest, "bad_json", "object"),
            ]
            for (body, status, code, words) in cases {
                let result = try await client.call(.post, "/v1/recheck", json: body)
                #expect(result.status == status, "\(body): \(result.text)")
                #expect(result.errorCode == code, "\(body): \(result.text)")
                #expect(result.errorMessage?.contains(words) == true, "\(body): \(result.errorMessage ?? "")")
            }
            let anonymous = try await client.call(.post, "/v1/recheck", headers: [:], json: "{}")
            #expect(anonymous.status == .unauthorized)
        }
        #expect(harness.pages.requests.isEmpty, "a refused request fetched pages")
    }

    @Test func aSecondRunWhileOneIsGoingGets409AndRunsOnceTheGateIsFree() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            _ = try await resolvedTarget(client)
            #expect(harness.server.gate.tryEnter())
            let busy = try await client.call(.post, "/v1/recheck", json: "{}")
            #expect(busy.status == .conflict)
            #expect(busy.errorCode == "recheck_running")
            #expect(busy.headers[.retryAfter] == "5")
            harness.server.gate.leave()
            let free = try await client.call(.post, "/v1/recheck", json: #"{"scope": "all"}"#)
            #expect(free.status == .ok, "\(free.text)")
            #expect(free.object["checked"] as? Int == 1)
            #expect(!harness.server.gate.isRunning, "the route left the gate closed")
        }
    }

    @Test func historyOfAnUnknownTargetIs404AndOfABadIdentifier400() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let missing = try await client.call(.get, "/v1/targets/42/history")
            #expect(missing.status == .notFound)
            #expect(missing.errorMessage?.contains("target 42") == true, "\(missing.text)")
            let bad = try await client.call(.get, "/v1/targets/x/history")
            #expect(bad.status == .badRequest)
            let (_, targetID) = try await resolvedTarget(client)
            let unchecked = try await client.call(.get, "/v1/targets/\(targetID)/history")
            #expect(unchecked.status == .ok)
            #expect(unchecked.object["url"] as? String == Self.url)
        }
    }

    @Test func withoutARunnerRecheckAnswers503() async throws {
        let harness = try ServiceHarness(recheck: nil)
        try await harness.test { client in
            let result = try await client.call(.post, "/v1/recheck", json: "{}")
            #expect(result.status == .serviceUnavailable)
            #expect(result.errorCode == "recheck_unavailable")
        }
        #expect(harness.server.scheduler == nil)
    }

    @Test func metricsCountRunsChecksAndStateChanges() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let (_, targetID) = try await resolvedTarget(client)
            harness.pages.set(Self.url, .page(status: 410, body: ""))
            _ = try await client.call(.post, "/v1/recheck", json: #"{"targetIds": [\#(targetID)]}"#)
            let text = try await client.call(.get, "/metrics").text
            #expect(text.contains(#"longarm_recheck_runs_total{trigger="api"} 1"#), "\(text)")
            #expect(text.contains(#"longarm_checks_total{outcome="response"} 1"#), "\(text)")
            #expect(text.contains(#"longarm_check_state_changes_total{to="removed"} 1"#), "\(text)")
            #expect(text.contains("longarm_recheck_running 0"), "\(text)")
        }
    }
}
