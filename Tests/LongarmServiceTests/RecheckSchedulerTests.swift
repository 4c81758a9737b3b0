import Foundation
import LongarmCore
import LongarmStore
import LongarmTestSupport
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

@testable import LongarmService

/// The scheduler inside the service: due checks run without a request, and a graceful shutdown keeps what a run
/// finished while the checks in flight stay due.
@Suite struct RecheckSchedulerTests {
    static let quick = "https://www.faceswap-clips.com/v/1"
    static let slow = "https://videos.deepclip-host.net/v/2"

    private func addTargets(_ urls: [String], to store: LongarmStore) throws -> [Int64] {
        let caseFile = try store.createCase(CaseFile(holder: "Li Wei", kind: .portrait))
        let caseID = try #require(caseFile.id)
        let results = try store.addTargets(
            urls.map { url in
                let host = try #require(URL(string: url)?.host())
                return Target(
                    caseID: caseID,
                    submittedURL: url,
                    canonicalURL: url,
                    host: host,
                    registrableDomain: host.split(separator: ".").suffix(2).joined(separator: ".")
                )
            }
        )
        return results.compactMap { result in
            if case .added(let target) = result { return target.id }
            return nil
        }
    }

    @Test func dueTargetsAreCheckedWithoutARequestAndTheSchedulerStopsOnGracefulShutdown() async throws {
        let harness = try ServiceHarness()
        let store = harness.server.dependencies.store
        let ids = try addTargets([Self.quick, Self.slow], to: store)
        let scheduler = try #require(harness.server.scheduler)
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await scheduler.run() }
                let checked = try await eventually(seconds: 30) {
                    try ids.allSatisfy { try store.checks(targetID: $0).count == 1 }
                }
                #expect(checked, "the scheduler did not check the due targets")
                trigger.triggerGracefulShutdown()
                try await group.next()
            }
        }
        // Checked once: the next check is a day away, so the scheduler slept until the shutdown.
        for id in ids { #expect(try store.checks(targetID: id).count == 1) }
        #expect(harness.server.metrics.snapshot().recheckRuns == ["scheduler": 1])
        #expect(!harness.server.gate.isRunning)
    }

    @Test func aShutdownDuringARunStoresFinishedChecksAndLeavesTheOneInFlightDue() async throws {
        let harness = try ServiceHarness()
        let store = harness.server.dependencies.store
        let ids = try addTargets([Self.quick, Self.slow], to: store)
        harness.pages.set(Self.slow, .hang)
        let scheduler = try #require(harness.server.scheduler)
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await scheduler.run() }
                // The quick check is stored (batches of one) while the slow one hangs in flight.
                let started = try await eventually(seconds: 60) {
                    let slowStarted = harness.pages.requests.contains { $0.url == Self.slow }
                    return try store.checks(targetID: ids[0]).count == 1 && slowStarted
                }
                #expect(started, "the scheduler did not finish the quick check and start the slow one")
                trigger.triggerGracefulShutdown()
                try await group.next()
            }
        }
        #expect(try store.checks(targetID: ids[0]).count == 1, "the finished check was lost")
        #expect(try store.checks(targetID: ids[1]).isEmpty, "the abandoned check was stored")
        let slow = try #require(try store.watchedTarget(id: ids[1]))
        #expect(slow.nextCheckAt <= Date(), "the abandoned target is no longer due")
        #expect(!harness.server.gate.isRunning)
    }
}
