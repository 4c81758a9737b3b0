import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmService
import LongarmStore
import Testing

@Suite struct TargetRoutesTests {
    @Test func reportsEachRowAsAddedDuplicateOrRejectedAndQueuesTheNewOnes() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(client)
            let result = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: """
                    {"urls": ["https://www.FaceSwap-Clips.com/watch/8841#t=3", "ftp://files.example.com/clip.mp4"],
                     "targets": [{"url": "https://videos.deepclip-host.net/v/1", "kind": "copyright", "note": "mirror"},
                                 {"url": "https://www.faceswap-clips.com:443/watch/8841"},
                                 {"url": "https://a.example/", "kind": "defamation"}],
                     "note": "batch 1"}
                    """
            )
            #expect(result.status == .accepted)
            #expect(result.object["resolution"] as? String == "queued")
            let added = try #require(result.object["added"] as? [[String: Any]])
            #expect(added.compactMap { $0["field"] as? String } == ["urls[0]", "targets[0]"])
            let targets = added.compactMap { $0["target"] as? [String: Any] }
            #expect(
                targets.compactMap { $0["canonicalURL"] as? String } == [
                    "https://www.faceswap-clips.com/watch/8841", "https://videos.deepclip-host.net/v/1",
                ]
            )
            #expect(targets.compactMap { $0["stage"] as? String } == ["pending", "pending"])
            #expect(targets.compactMap { $0["note"] as? String } == ["batch 1", "mirror"])
            #expect(targets.last?["kind"] as? String == "copyright")
            let duplicates = try #require(result.object["duplicates"] as? [[String: Any]])
            #expect(duplicates.compactMap { $0["field"] as? String } == ["targets[1]"])
            #expect(duplicates.first?["duplicateOf"] as? Int == targets.first?["id"] as? Int)
            let rejected = try #require(result.object["rejected"] as? [[String: Any]])
            #expect(rejected.compactMap { $0["field"] as? String } == ["urls[1]", "targets[2]"])
            #expect((rejected.first?["error"] as? String)?.hasPrefix("unsupported scheme") == true)
            #expect(rejected.last?["error"] as? String == #"unknown kind: "defamation""#)
            #expect(try harness.server.dependencies.store.targets(caseID: Int64(caseID)).count == 2)
        }
    }

    @Test func queuedTargetsAreResolvedAndPlannedByTheWorker() async throws {
        let harness = try ServiceHarness()
        try await harness.test(worker: true) { client in
            let caseID = try await createCase(client)
            let result = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://videos.deepclip-host.net/v/1", "https://www.faceswap-clips.com/watch/1"]}"#
            )
            #expect(result.status == .accepted)
            let planned = try await eventually {
                let shown = try await client.call(.get, "/v1/cases/\(caseID)")
                let stages = (shown.object["targets"] as? [[String: Any]] ?? []).compactMap { $0["stage"] as? String }
                return stages == ["planned", "planned"]
            }
            #expect(planned, "the worker did not resolve and plan the queued targets")
            let shown = try await client.call(.get, "/v1/cases/\(caseID)")
            let targets = try #require(shown.object["targets"] as? [[String: Any]])
            let profile = try #require(targets.first?["profile"] as? [String: Any])
            #expect(profile["hostingCountries"] as? [String] == ["DE"])
            #expect(profile["asns"] as? [Int] == [24940])
            let plan = try #require(targets.first?["plan"] as? [String: Any])
            #expect(plan["lawCountry"] as? String == "DE")
            #expect((plan["rungs"] as? Int ?? 0) > 0)
        }
        let store = harness.server.dependencies.store
        let caseID = try #require(try store.caseSummaries().first?.caseFile.id)
        for target in try store.targets(caseID: caseID) {
            #expect(try store.profileHistory(targetID: try #require(target.id)).count == 1, "resolved exactly once")
        }
    }

    @Test func waitResolvesWithinTheRequestAndAnswers201() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(client)
            let result = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://www.faceswap-clips.com/watch/8841"], "resolve": "wait"}"#
            )
            #expect(result.status == .created)
            #expect(result.object["resolution"] as? String == "done")
            let added = try #require(result.object["added"] as? [[String: Any]])
            let target = try #require(added.first?["target"] as? [String: Any])
            #expect(target["stage"] as? String == "planned")
            let profile = try #require(target["profile"] as? [String: Any])
            #expect(profile["addresses"] as? [String] == ["45.83.220.7"])
            #expect(profile["hostingCountries"] as? [String] == ["NL"])
            #expect(profile["registrar"] as? String == "Namecheap")
            // The stored profile is in the custody log, under the service's name.
            let custody = try harness.server.dependencies.store.custodyLog().map(\.entry)
            let resolve = custody.filter { $0.action == "resolve" }
            #expect(resolve.count == 1)
            #expect(resolve.first?.actor == "longarm serve")
            #expect(resolve.first?.object.hasPrefix("target:\(target["id"] as? Int ?? 0)/profile:") == true)
        }
    }

    @Test func privateAddressesAreRefusedByTheGuard() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(client)
            let result = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["https://intranet.evil-mirror.net/x"], "resolve": "wait"}"#
            )
            #expect(result.status == .created)
            let added = try #require(result.object["added"] as? [[String: Any]])
            let target = try #require(added.first?["target"] as? [String: Any])
            let profile = try #require(target["profile"] as? [String: Any])
            let warnings = profile["warnings"] as? [String] ?? []
            #expect(warnings.contains { $0.contains("10.0.0.5") }, "no refusal in \(warnings)")
            #expect(warnings.contains { $0.contains("not resolved further") })
            #expect(profile["hostingCountries"] as? [String] == [])
        }
    }

    @Test func resubmittingStoredURLsAnswers200AndAllBadRowsAnswer422() async throws {
        let harness = try ServiceHarness()
        try await harness.test { client in
            let caseID = try await createCase(client)
            let body = #"{"urls": ["https://a.example/1"]}"#
            #expect(try await client.call(.post, "/v1/cases/\(caseID)/targets", json: body).status == .accepted)
            let again = try await client.call(.post, "/v1/cases/\(caseID)/targets", json: body)
            #expect(again.status == .ok)
            #expect((again.object["duplicates"] as? [Any])?.count == 1)

            let bad = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": ["mailto:x@example.com", "http://999.1.1.1/"]}"#
            )
            #expect(bad.status == .unprocessableContent)
            #expect(bad.errorCode == "invalid_targets")
            let details = (bad.object["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []
            #expect(details.compactMap { $0["field"] as? String } == ["urls[0]", "urls[1]"])
            #expect(try harness.server.dependencies.store.targets(caseID: Int64(caseID)).count == 1)
        }
    }
}
