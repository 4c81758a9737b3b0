import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmStore
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

@testable import LongarmService

@Suite struct ResolutionWorkerTests {
    private func addTargets(_ count: Int, to harness: ServiceHarness) throws -> Int64 {
        let store = harness.server.dependencies.store
        let caseFile = try store.createCase(CaseFile(holder: "Li Wei", kind: .portrait))
        let caseID = try #require(caseFile.id)
        let hosts = ["videos.deepclip-host.net", "www.faceswap-clips.com"]
        let targets = (0..<count).map { index in
            let host = hosts[index % hosts.count]
            return Target(
                caseID: caseID,
                submittedURL: "https://\(host)/v/\(index)",
                canonicalURL: "https://\(host)/v/\(index)",
                host: host,
                registrableDomain: String(host.split(separator: ".").suffix(2).joined(separator: "."))
            )
        }
        _ = try store.addTargets(targets)
        return caseID
    }

    @Test func resolvesAndPlansTargetsNobodyAnnouncedThenStopsOnGracefulShutdown() async throws {
        let harness = try ServiceHarness { $0.resolutionPollInterval = .milliseconds(50) }
        let caseID = try addTargets(3, to: harness)
        let store = harness.server.dependencies.store
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await harness.server.worker.run() }
                let done = try await eventually { try store.latestPlans(caseID: caseID).count == 3 }
                #expect(done, "the worker did not plan the stored targets")
                trigger.triggerGracefulShutdown()
                try await group.next()
            }
        }
        #expect(try store.unresolvedTargetCount() == 0)
        for target in try store.targets(caseID: caseID) {
            #expect(try store.profileHistory(targetID: try #require(target.id)).count == 1, "resolved exactly once")
        }
    }

    @Test func anAnnouncementWakesTheWorkerBeforeThePollInterval() async throws {
        let harness = try ServiceHarness { $0.resolutionPollInterval = .seconds(600) }
        let store = harness.server.dependencies.store
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await harness.server.worker.run() }
                try await Task.sleep(for: .milliseconds(100))
                let caseID = try addTargets(1, to: harness)
                harness.server.queue.announce()
                let done = try await eventually(seconds: 30) { try store.latestPlans(caseID: caseID).count == 1 }
                #expect(done, "the bell did not wake the worker")
                trigger.triggerGracefulShutdown()
                try await group.next()
            }
        }
    }

    @Test func gracefulShutdownFinishesTheBatchInHandAndLeavesTheRestQueued() async throws {
        var hosting = FakeHosting()
        hosting.delay = .seconds(1)
        let harness = try ServiceHarness(
            configure: {
                $0.resolutionBatchSize = 2
                $0.resolutionPollInterval = .milliseconds(50)
            },
            hosting: hosting
        )
        let caseID = try addTargets(5, to: harness)
        let store = harness.server.dependencies.store
        var resolvedBefore = -1
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await harness.server.worker.run() }
                let busy = try await eventually { !harness.server.queue.inFlight.isEmpty }
                #expect(busy)
                resolvedBefore = try store.latestProfiles(caseID: caseID).count
                trigger.triggerGracefulShutdown()
                try await group.next()
            }
        }
        #expect(harness.server.queue.inFlight.isEmpty)
        let profiles = try store.latestProfiles(caseID: caseID)
        #expect(profiles.count == resolvedBefore + 2, "the batch in hand finished; no new batch was started")
        #expect(try store.unresolvedTargetCount() == 5 - profiles.count, "the rest stay queued in the database")
        #expect(try store.unresolvedTargetCount() > 0)
        #expect(try store.latestPlans(caseID: caseID).count == profiles.count)
    }

    @Test func aWaitingRequestAndTheWorkerNeverResolveATargetTwice() async throws {
        var hosting = FakeHosting()
        hosting.delay = .milliseconds(100)
        let harness = try ServiceHarness(configure: { $0.resolutionPollInterval = .milliseconds(10) }, hosting: hosting)
        try await harness.test(worker: true) { client in
            let caseID = try await createCase(client)
            let urls = (0..<6).map { "\"https://videos.deepclip-host.net/w/\($0)\"" }.joined(separator: ",")
            let result = try await client.call(
                .post,
                "/v1/cases/\(caseID)/targets",
                json: #"{"urls": [\#(urls)], "resolve": "wait"}"#
            )
            #expect(result.status == .created)
            let added = result.object["added"] as? [[String: Any]] ?? []
            let stages = added.compactMap { ($0["target"] as? [String: Any])?["stage"] as? String }
            #expect(stages == Array(repeating: "planned", count: 6))
        }
        let store = harness.server.dependencies.store
        let caseID = try #require(try store.caseSummaries().first?.caseFile.id)
        for target in try store.targets(caseID: caseID) {
            #expect(try store.profileHistory(targetID: try #require(target.id)).count == 1)
        }
    }
}
