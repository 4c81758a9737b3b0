import Crypto
import Foundation
import LongarmCore
import LongarmRules
import LongarmStore
import Synchronization
import Testing

@testable import LongarmWorkflow

/// Planning a stored case: the case's own facts reach the planner, plans are stored with custody entries.
struct CasePlanningTests {
    /// Whether a rung that addresses the content itself (site operator, origin host) cites US copyright law.
    static func copyrightCited(_ plan: NoticePlan) -> Bool {
        plan.rungs.filter { [.siteOperator, .originHost].contains($0.role) }.contains { rung in
            rung.legalBasis.contains { $0.instrument == "17 U.S.C." }
        }
    }

    @Test(arguments: [true, false])
    func portraitCaseGetsACopyrightBasisOnlyWhenTheCaseSaysTheHolderOwnsTheWork(_ owns: Bool) throws {
        let store = try LongarmStore.inMemory()
        let (created, _) = try WorkflowFixtures.storedCase(store, kind: .portrait, ownsWork: owns)
        // Read back, as `longarm plan CASE` does: the fact must survive the store.
        let createdID = try #require(created.id)
        let caseFile = try #require(try store.caseFile(id: createdID))
        #expect(caseFile.particulars.ownsWork == owns)
        let outcome = try CasePlanning(planner: WorkflowFixtures.planner).planCase(caseFile, store: store)
        let plan = try #require(outcome.plans.first?.plan)
        #expect(plan.kind == .portrait)
        let host = try #require(plan.rungs.first { $0.role == .originHost })
        #expect(host.legalBasis.contains { $0.citation == "17 U.S.C. § 512(c)" } == owns)
        #expect(Self.copyrightCited(plan) == owns)
        #expect(!plan.warnings.contains { $0.contains("owns the source work") })
    }

    @Test func settingOwnsWorkOnTheCaseChangesTheNextPlan() throws {
        let store = try LongarmStore.inMemory()
        var (caseFile, _) = try WorkflowFixtures.storedCase(store, kind: .portrait, ownsWork: false)
        let planning = CasePlanning(planner: WorkflowFixtures.planner)
        let before = try planning.planCase(caseFile, store: store)
        #expect(!Self.copyrightCited(try #require(before.plans.first?.plan)))
        caseFile.particulars.ownsWork = true
        caseFile = try store.updateCase(caseFile)
        let caseID = try #require(caseFile.id)
        let stored = try #require(try store.caseFile(id: caseID))
        let after = try planning.planCase(stored, store: store)
        #expect(Self.copyrightCited(try #require(after.plans.first?.plan)))
        let latest = try store.latestPlans(caseID: caseID)
        #expect(latest.values.first?.id == after.plans.first?.id)
    }

    @Test func anOverrideWinsOverTheCase() throws {
        let store = try LongarmStore.inMemory()
        let (caseFile, _) = try WorkflowFixtures.storedCase(store, kind: .portrait, ownsWork: true)
        let outcome = try CasePlanning(planner: WorkflowFixtures.planner).planCase(
            caseFile,
            store: store,
            ownsWork: false
        )
        #expect(!Self.copyrightCited(try #require(outcome.plans.first?.plan)))
    }

    @Test func everyStoredPlanHasACustodyEntryWithTheDigestOfItsJSON() throws {
        let store = try LongarmStore.inMemory()
        let (caseFile, targets) = try WorkflowFixtures.storedCase(
            store,
            kind: .copyright,
            ownsWork: true,
            urls: (1...5).map { "https://films.example.net/watch/\($0)" }
        )
        let outcome = try CasePlanning(planner: WorkflowFixtures.planner, actor: "tester", workers: 2).planCase(
            caseFile,
            store: store,
            now: WorkflowFixtures.date
        )
        #expect(outcome.plans.map(\.targetID) == targets.compactMap(\.id))
        // Storing the fixture profiles logged "resolve" entries first; the plans follow them.
        let log = try store.custodyLog().map(\.entry)
        let planEntries = log.filter { $0.action == "plan" }
        #expect(planEntries.count == 5)
        #expect(log.suffix(5).map(\.action) == Array(repeating: "plan", count: 5))
        for (entry, stored) in zip(planEntries, outcome.plans) {
            #expect(entry.action == "plan")
            #expect(entry.actor == "tester")
            #expect(entry.object == "plan:\(stored.id)")
            let json = try #require(try store.planJSON(id: stored.id))
            let digest = SHA256.hash(data: json).map { String(format: "%02x", $0) }.joined()
            #expect(entry.digest == digest)
            // The row names its rule-derived parts by digest; reading it back reassembles the plan.
            #expect(try store.latestPlans(caseID: try #require(caseFile.id))[stored.targetID]?.plan == stored.plan)
        }
        #expect(zip(log, log.dropFirst()).allSatisfy { $1.prev == $0.chainHash })
    }

    @Test func moreTargetsThanOneStoreBatchAreAllStoredWithAnUnbrokenChain() throws {
        let store = try LongarmStore.inMemory()
        let count = CasePlanning.storeBatch + 7
        let (caseFile, targets) = try WorkflowFixtures.storedCase(
            store,
            kind: .copyright,
            ownsWork: true,
            urls: (0..<count).map { "https://films.example.net/watch/\($0)" }
        )
        let outcome = try CasePlanning(planner: WorkflowFixtures.planner, workers: 2).planCase(caseFile, store: store)
        #expect(outcome.plans.count == count)
        #expect(outcome.plans.map(\.targetID) == targets.compactMap(\.id))
        let log = try store.custodyLog()
        let planEntries = log.filter { $0.entry.action == "plan" }
        #expect(planEntries.count == count)
        #expect(log.allSatisfy { $0.entry.chainHash == $0.storedHash })
        #expect(zip(log, log.dropFirst()).allSatisfy { $1.entry.prev == $0.entry.chainHash })
        #expect(Set(planEntries.map(\.entry.object)) == Set(outcome.plans.map { "plan:\($0.id)" }))
    }

    @Test func aHandlerGetsEachStoredBatchInTargetOrderAndTheOutcomeKeepsNone() throws {
        let store = try LongarmStore.inMemory()
        let count = CasePlanning.storeBatch * 2 + 3
        let (caseFile, targets) = try WorkflowFixtures.storedCase(
            store,
            kind: .copyright,
            ownsWork: true,
            urls: (0..<count).map { "https://films.example.net/watch/\($0)" }
        )
        let batches = Mutex([[LongarmStore.StoredPlan]]())
        let outcome = try CasePlanning(planner: WorkflowFixtures.planner, workers: 2).planCase(caseFile, store: store) {
            stored in batches.withLock { $0.append(stored) }
        }
        let handed = batches.withLock { $0 }
        #expect(handed.map(\.count) == [CasePlanning.storeBatch, CasePlanning.storeBatch, 3])
        #expect(handed.flatMap { $0 }.map(\.targetID) == targets.compactMap(\.id))
        #expect(outcome.plans.isEmpty)
        #expect(outcome.stored == count)
        let latest = try store.latestPlans(caseID: try #require(caseFile.id))
        #expect(handed.flatMap { $0 }.allSatisfy { latest[$0.targetID]?.id == $0.id })
    }

    @Test func aHandlerThatThrowsStopsTheRunAfterTheBatchesAlreadyStored() throws {
        struct Stop: Error {}
        let store = try LongarmStore.inMemory()
        let count = CasePlanning.storeBatch * 3
        let (caseFile, _) = try WorkflowFixtures.storedCase(
            store,
            kind: .copyright,
            ownsWork: true,
            urls: (0..<count).map { "https://films.example.net/watch/\($0)" }
        )
        #expect(throws: Stop.self) {
            try CasePlanning(planner: WorkflowFixtures.planner, workers: 2).planCase(caseFile, store: store) { _ in
                throw Stop()
            }
        }
        // The first batch was committed before its handler threw; the writer stores nothing after an error.
        #expect(try store.latestPlans(caseID: try #require(caseFile.id)).count == CasePlanning.storeBatch)
        let log = try store.custodyLog()
        #expect(zip(log, log.dropFirst()).allSatisfy { $1.entry.prev == $0.entry.chainHash })
    }

    @Test func targetsWithoutAProfileOrWithAnUnreadableOneAreSkippedAndTheRestStored() throws {
        let store = try LongarmStore.inMemory()
        let (caseFile, targets) = try WorkflowFixtures.storedCase(store, kind: .copyright, ownsWork: true)
        let caseID = try #require(caseFile.id)
        let unresolved = try store.addTargets([
            Target(
                caseID: caseID,
                submittedURL: "https://later.example/x",
                canonicalURL: "https://later.example/x",
                host: "later.example",
                registrableDomain: "later.example"
            )
        ])
        guard case .added(let pending) = unresolved[0] else {
            Issue.record("target not added")
            return
        }
        let outcome = try CasePlanning(planner: WorkflowFixtures.planner).planCase(caseFile, store: store)
        #expect(outcome.plans.map(\.targetID) == [targets[0].id])
        #expect(outcome.skipped.count == 1)
        #expect(outcome.skipped[0].contains("\(pending.canonicalURL): no profile yet"))

        let planning = CasePlanning(planner: WorkflowFixtures.planner, workers: 2)
        let context = PlanningContext(kind: .copyright, holder: "x")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let good = try encoder.encode(
            WorkflowFixtures.profile(url: "https://a.example/", host: "a.example", country: "DE")
        )
        let jobs = [
            CasePlanning.Job(
                target: targets[0],
                targetID: 1,
                profileID: 1,
                json: Data("{\"url\":".utf8),
                context: context
            ),
            CasePlanning.Job(target: targets[0], targetID: 2, profileID: 2, json: good, context: context),
        ]
        let batch = planning.prepare(jobs)
        #expect(batch.failures.map(\.job) == [0], "the broken profile document is not planned")
        #expect(batch.plans.map(\.targetID) == [2], "the good one is")
        #expect(batch.plans.first?.plan.lawCountry?.rawValue == "DE")
    }
}

extension CasePlanningTests {
    /// One thread (when the writer is behind) or several: the same rows, in job order, with the same shared frames.
    @Test func preparingOnOneThreadOrSeveralGivesTheSameRowsInOrder() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let target = Target(
            caseID: 1,
            submittedURL: "https://a.example/",
            canonicalURL: "https://a.example/",
            host: "a.example",
            registrableDomain: "a.example"
        )
        let jobs = try PlanBenchmark.profiles(count: 700, book: WorkflowFixtures.book).enumerated().map {
            index,
            profile in
            CasePlanning.Job(
                target: target,
                targetID: Int64(index + 1),
                profileID: Int64(index + 1),
                json: try encoder.encode(profile),
                context: PlanBenchmark.context(index)
            )
        }
        let planning = CasePlanning(planner: WorkflowFixtures.planner, workers: 3)
        var rows: [[String]] = []
        for threads in [1, 2, 3] {
            let batch = planning.prepare(jobs, caches: Mutex([]), threads: threads)
            #expect(batch.failures.isEmpty)
            #expect(batch.parts.count > 1, "several parts, joined in order")
            rows.append(batch.plans.map { String(decoding: $0.json, as: UTF8.self) })
            #expect(batch.plans.map(\.targetID) == jobs.map { $0.targetID })
        }
        #expect(rows[0].count == jobs.count)
        #expect(rows[1] == rows[0])
        #expect(rows[2] == rows[0])
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
