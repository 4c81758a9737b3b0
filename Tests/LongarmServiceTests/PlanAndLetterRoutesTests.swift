import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmResolve
import LongarmService
import LongarmStore
import Testing

@Suite struct PlanAndLetterRoutesTests {
    @Test func planListsStoredPlansAndPendingTargets() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(client)
            _ = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://videos.deepclip-host.net/v/1"], "resolve": "wait"}"#
            )
            // Queued, and no worker runs in this test: it stays pending.
            _ = try await client.call(.post, "/v1/cases/\(caseID)/targets", json: #"{"urls": ["https://a.example/2"]}"#)
            let result = try await client.call(.get, "/v1/cases/\(caseID)/plan")
            #expect(result.status == .ok)
            let plans = try #require(result.object["plans"] as? [[String: Any]])
            #expect(plans.count == 1)
            let plan = try #require(plans.first?["plan"] as? [String: Any])
            #expect(plan["lawCountry"] as? String == "DE")
            #expect(plan["url"] as? String == "https://videos.deepclip-host.net/v/1")
            let pending = try #require(result.object["pending"] as? [[String: Any]])
            #expect(pending.compactMap { $0["canonicalURL"] as? String } == ["https://a.example/2"])
        }
    }

    @Test func planIsMadeForAProfileThatHasNoneYet() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(client)
            _ = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://www.faceswap-clips.com/watch/1"]}"#
            )
            // Resolved outside the service (as `longarm resolve --case` would): a profile, no plan.
            let store = harness.server.dependencies.store
            let target = try #require(try store.targets(caseID: Int64(caseID)).first)
            let profile = await harness.hosting.resolver().resolve(
                ResolutionRequest(
                    url: target.submittedURL,
                    canonicalUrl: target.canonicalURL,
                    host: target.host,
                    registrableDomain: target.registrableDomain
                )
            )
            try store.saveProfile(profile, targetID: try #require(target.id))
            #expect(try store.latestPlans(caseID: Int64(caseID)).isEmpty)

            let result = try await client.call(.get, "/v1/cases/\(caseID)/plan")
            let plans = try #require(result.object["plans"] as? [[String: Any]])
            #expect((plans.first?["plan"] as? [String: Any])?["lawCountry"] as? String == "NL")
            #expect(try store.latestPlans(caseID: Int64(caseID)).count == 1, "the plan is stored")
            _ = try await client.call(.get, "/v1/cases/\(caseID)/plan")
            #expect(try store.latestPlans(caseID: Int64(caseID)).count == 1)
        }
    }

    @Test func lettersNeedAPlanAndTheCaseParticulars() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(client)
            let early = try await client.call(.get, "/v1/cases/\(caseID)/letters")
            #expect(early.status == .conflict)
            #expect(early.errorCode == "not_planned")

            _ = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://videos.deepclip-host.net/v/1"], "resolve": "wait"}"#
            )
            let missing = try await client.call(.get, "/v1/cases/\(caseID)/letters")
            #expect(missing.status == .unprocessableContent)
            #expect(missing.errorCode == "missing_elements")
            let details = (missing.object["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []
            #expect(!details.isEmpty)
            #expect(missing.errorMessage?.contains("signature") == true, "\(missing.errorMessage ?? "")")

            let drafts = try await client.call(.get, "/v1/cases/\(caseID)/letters?draft=true&format=txt,md")
            #expect(drafts.status == .ok)
            let letters = try #require(drafts.object["letters"] as? [[String: Any]])
            #expect(Set(letters.compactMap { $0["format"] as? String }) == ["txt", "md"])
            let first = try #require(letters.first)
            #expect(first["draft"] as? Bool == true)
            let content = try #require(first["content"] as? String)
            #expect(content.contains("https://videos.deepclip-host.net/v/1"))
            #expect(content.contains("MISSING"))
            #expect((first["sha256"] as? String)?.count == 64)
            let cover = try #require(drafts.object["cover"] as? [String: Any])
            #expect((cover["text"] as? String)?.isEmpty == false)
            // A preview records nothing.
            #expect(try harness.server.dependencies.store.letters(caseID: Int64(caseID)).isEmpty)
        }
    }

    @Test func completeParticularsGiveFinalLetters() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(
                client,
                json: """
                    {"holder": "Li Wei", "kind": "portrait", "holderCountry": "CN", "work": "Li Wei's face",
                     "particulars": {"senderName": "Li Wei", "senderEmail": "li.wei@example.cn",
                       "senderAddress": "1 Road, Shanghai", "senderPhone": "+86 21 0000 0000", "signature": "/Li Wei/",
                       "ownsWork": true, "facts": "A face-swap video shows Li Wei without consent.",
                       "proofOfRights": "Passport", "identityDocuments": "Passport copy", "indemnity": true,
                       "undertakingToSue": true, "disclosureConsent": true, "addressForService": "Berlin office"}}
                    """
            )
            _ = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://videos.deepclip-host.net/v/1"], "resolve": "wait"}"#
            )
            let store = harness.server.dependencies.store
            let withoutEvidence = try await client.call(.get, "/v1/cases/\(caseID)/letters")
            #expect(withoutEvidence.status == .unprocessableContent)
            #expect(
                withoutEvidence.errorMessage?.contains("(evidence)") == true,
                "\(withoutEvidence.errorMessage ?? "")"
            )

            // Once the page is captured (as `longarm evidence capture` stores it), the letters are final.
            let target = try #require(try store.targets(caseID: Int64(caseID)).first)
            let digest = String(repeating: "ab", count: 32)
            _ = try store.saveCapture(
                EvidenceCapture(
                    caseID: Int64(caseID),
                    targetID: target.id,
                    url: target.canonicalURL,
                    finalURL: target.canonicalURL,
                    capturedAt: "2026-03-01T10:00:00.000Z",
                    clockSource: "system",
                    toolVersion: "test",
                    exchanges: [
                        EvidenceExchange(
                            ordinal: 0,
                            url: target.canonicalURL,
                            method: "GET",
                            status: 200,
                            httpVersion: "HTTP/1.1",
                            primaryIP: "88.198.21.14",
                            primaryPort: 443,
                            location: nil,
                            bodySHA256: digest,
                            bodySize: 10,
                            bodyTruncated: false,
                            tlsVerified: true,
                            certificateChain: [],
                            startedAt: "2026-03-01T10:00:00.000Z",
                            totalSeconds: 0.1,
                            warcRecordIDs: []
                        )
                    ],
                    resolution: [],
                    warcFile: "capture.warc.gz",
                    warcSHA256: digest
                ),
                actor: "test"
            )
            let result = try await client.call(.get, "/v1/cases/\(caseID)/letters")
            #expect(result.status == .ok, "\(result.text)")
            let letters = try #require(result.object["letters"] as? [[String: Any]])
            #expect(!letters.isEmpty)
            #expect(letters.allSatisfy { $0["draft"] as? Bool == false })
            #expect(letters.allSatisfy { ($0["content"] as? String)?.contains("/Li Wei/") == true })
            #expect(letters.contains { ($0["content"] as? String)?.contains(digest) == true }, "the capture is cited")
        }
    }

    @Test(arguments: ["format=pdf", "draft=maybe", "colour=red", "format="])
    func badLetterQueriesGet400(query: String) async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(client)
            let result = try await client.call(.get, "/v1/cases/\(caseID)/letters?\(query)")
            #expect(result.status == .badRequest, "\(query) → \(result.status)")
            #expect(["invalid_parameter", "unknown_parameter"].contains(result.errorCode ?? ""))
        }
    }
}
