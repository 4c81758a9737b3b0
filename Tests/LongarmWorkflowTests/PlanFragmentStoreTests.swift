import Crypto
import Foundation
import GRDB
import LongarmCore
import LongarmEvidence
import LongarmRules
import Testing

@testable import LongarmStore

/// Plans stored as what names their target plus shared frames (format 5) read back as the very plans stored,
/// older rows (whole plans in format 3, rule-derived fragments in format 4) still read, and verification notices a
/// changed row or fragment.
struct PlanFragmentStoreTests {
    /// Varied plans: every jurisdiction and shape of the synthetic profiles, and every sample profile under every
    /// kind with and without the holder owning the work.
    static func variedPlans() throws -> [NoticePlan] {
        var plans = PlanBenchmark.profiles(count: 600, book: WorkflowFixtures.book).enumerated().map {
            WorkflowFixtures.planner.plan($1, context: PlanBenchmark.context($0))
        }
        for profile in try sampleProfiles() {
            for kind in InfringementKind.allCases {
                for owns in [true, false, nil] {
                    let context = PlanningContext(
                        kind: kind,
                        holder: "Li Wei",
                        holderCountry: CountryCode(lenient: "CN"),
                        ownsWork: owns
                    )
                    plans.append(WorkflowFixtures.planner.plan(profile, context: context))
                }
            }
        }
        return plans
    }

    static func sampleProfiles() throws -> [HostingProfile] {
        let folder = WorkflowFixtures.root.appendingPathComponent("Tests/LongarmRulesTests/Fixtures/profiles")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        return try files.sorted().map { file in
            try LongarmStore.jsonDecoder.decode(
                HostingProfile.self,
                from: Data(contentsOf: folder.appendingPathComponent(file))
            )
        }
    }

    /// A store with one case and `count` targets, each with a stored profile; returns the case id, the targets'
    /// ids and their profile ids.
    static func targets(_ store: LongarmStore, count: Int) throws -> (Int64, [(target: Int64, profile: Int64)]) {
        let (caseFile, targets) = try WorkflowFixtures.storedCase(
            store,
            kind: .copyright,
            ownsWork: true,
            urls: (0..<count).map { "https://films.example.net/watch/\($0)" }
        )
        var ids: [(Int64, Int64)] = []
        for target in targets {
            let id = try #require(target.id)
            let profile = try #require(try store.profileHistory(targetID: id).last)
            ids.append((id, profile.id))
        }
        return (try #require(caseFile.id), ids)
    }

    @Test func everyVariedPlanReadsBackAsTheSamePlan() throws {
        let plans = try Self.variedPlans()
        let store = try LongarmStore.inMemory()
        let (caseID, ids) = try Self.targets(store, count: plans.count)
        var cache = PlanFragmentCache()
        let prepared = zip(plans, ids).map { plan, id in
            LongarmStore.PreparedPlan(plan, targetID: id.target, profileID: id.profile, cache: &cache)
        }
        #expect(prepared.allSatisfy { $0.format == 5 })
        let stored = try store.savePlans(prepared, createdAt: WorkflowFixtures.date)
        let latest = try store.latestPlans(caseID: caseID)
        #expect(latest.count == plans.count)
        for (plan, row) in zip(plans, stored) {
            #expect(latest[row.targetID]?.plan == plan)
        }
        // Shared parts are stored once: far fewer frames than rungs.
        let fragments = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM plan_fragment") }
        let rungs = plans.reduce(0) { $0 + $1.rungs.count }
        #expect((fragments ?? 0) > 0 && (fragments ?? 0) * 5 < rungs)
        #expect(try store.planIntegrityProblems(caseID: caseID).isEmpty)
    }

    @Test func eachFragmentIsStoredUnderTheDigestOfItsBytes() throws {
        let store = try LongarmStore.inMemory()
        let (caseID, ids) = try Self.targets(store, count: 3)
        let plan = WorkflowFixtures.planner.plan(
            WorkflowFixtures.profile(
                url: "https://films.example.net/watch/0",
                host: "films.example.net",
                country: "DE"
            ),
            context: PlanningContext(kind: .copyright, holder: "x", holderCountry: CountryCode(lenient: "CN"))
        )
        for id in ids { try store.savePlan(plan, targetID: id.target, profileID: id.profile) }
        let rows = try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT sha256, json FROM plan_fragment") }
        // One frame per rung (each names its step) and one for the plan, shared by the three targets' rows.
        #expect(rows.count == plan.rungs.count + 1)
        for row in rows {
            let json: Data = row["json"]
            #expect(SHA256.hash(data: json).map { String(format: "%02x", $0) }.joined() == row["sha256"] as String)
        }
        #expect(try store.latestPlans(caseID: caseID).values.allSatisfy { $0.plan == plan })
    }

    @Test func whatNamesTheTargetStaysInTheRowAndTheRestIsShared() throws {
        let store = try LongarmStore.inMemory()
        let (caseID, ids) = try Self.targets(store, count: 2)
        let profiles = PlanBenchmark.profiles(count: 10, book: WorkflowFixtures.book)
        // Two synthetic profiles of the same shape (index 1 and 1 + 5 × 7 share country, kind and host) on
        // different sites and addresses.
        let first = profiles[1]
        var second = first
        second.url = "https://other.example/v/2"
        second.canonicalUrl = second.url
        second.host = "other.example"
        second.registrableDomain = "other.example"
        second.addresses[0].ip = "198.51.100.7"
        let context = PlanBenchmark.context(1)
        var cache = PlanFragmentCache()
        var prepared: [LongarmStore.PreparedPlan] = []
        for (profile, id) in zip([first, second], ids) {
            let plan = WorkflowFixtures.planner.plan(profile, context: context)
            prepared.append(
                LongarmStore.PreparedPlan(
                    plan,
                    targetID: id.target,
                    profileID: id.profile,
                    profile: profile,
                    cache: &cache
                )
            )
        }
        // The second plan needs no frame the first did not already bring.
        #expect(!prepared[0].fragments.isEmpty)
        #expect(prepared[1].fragments.isEmpty)
        let rows = prepared.map { String(decoding: $0.json, as: UTF8.self) }
        #expect(rows[0].contains("192.0.2.1") && !rows[1].contains("192.0.2.1"))
        #expect(rows[1].contains("198.51.100.7") && rows[1].contains("other.example"))
        // No sentence of the rules (here the registry's note) is repeated in a row.
        let registryNote = try #require(WorkflowFixtures.book.roles[.registry]?.note)
        #expect(!rows.contains { $0.contains(registryNote) })
        try store.savePlans(prepared, createdAt: WorkflowFixtures.date)
        let latest = try store.latestPlans(caseID: caseID)
        #expect(latest[ids[0].target]?.plan == prepared[0].plan)
        #expect(latest[ids[1].target]?.plan == prepared[1].plan)
        #expect(try store.planIntegrityProblems(caseID: caseID).isEmpty)
    }

    @Test func aRowThatGivesAPartyItsFrameAlreadyHasDoesNotRead() throws {
        let store = try LongarmStore.inMemory()
        let (caseID, ids) = try Self.targets(store, count: 1)
        let plan = try #require(try Self.variedPlans().first)
        let stored = try store.savePlan(plan, targetID: ids[0].target, profileID: ids[0].profile)
        // The last rung (a search engine) keeps its party in its frame; a row that names one as well is refused.
        try store.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE plan SET json = CAST(json_set(CAST(json AS TEXT), '$.rungs[#-1].party',
                        json('{"identifiedBy":"x","name":"someone else"}')) AS BLOB) WHERE id = ?
                    """,
                arguments: [stored.id]
            )
        }
        let problems = try store.planIntegrityProblems(caseID: caseID)
        #expect(problems.contains { $0.location == "plan \(stored.id)" && $0.found == "unreadable" })
        #expect(throws: (any Error).self) { try store.latestPlans(caseID: caseID) }
    }

    @Test func rowsOfFormat4StillReadAndVerify() throws {
        let plans = Array(try Self.variedPlans().prefix(60))
        let store = try LongarmStore.inMemory()
        let (caseID, ids) = try Self.targets(store, count: plans.count)
        try store.writer.write { db in
            for (plan, id) in zip(plans, ids) {
                _ = try PlanFormat4.insert(
                    plan,
                    target: id.target,
                    profile: id.profile,
                    createdAt: WorkflowFixtures.date,
                    db
                )
            }
        }
        let latest = try store.latestPlans(caseID: caseID)
        for (plan, id) in zip(plans, ids) { #expect(latest[id.target]?.plan == plan) }
        #expect(try store.planIntegrityProblems(caseID: caseID).isEmpty)
        let named = try store.dumpRows(table: "plan_fragment", caseID: caseID)
        #expect(!named.isEmpty)
        // A changed format-4 fragment is caught as well.
        try store.writer.write { db in
            try db.execute(
                sql:
                    "UPDATE plan_fragment SET json = replace(CAST(json AS TEXT), '\"languages\":[', '\"languages\":[\"xx\",')"
            )
        }
        #expect(try store.planIntegrityProblems(caseID: caseID).contains { $0.problem == "plan fragment changed" })
    }

    @Test func wholePlanRowsWrittenBeforeTheMigrationStillRead() throws {
        let plans = Array(try Self.variedPlans().prefix(40))
        // A database at the schema before fragments, holding plan rows as that version wrote them.
        let queue = try DatabaseQueue()
        try LongarmStore.migrator.migrate(queue, upTo: "v6-letters")
        try queue.write { db in
            try db.execute(
                sql: #"INSERT INTO "case" (holder, kind, createdAt) VALUES ('Li Wei', 'copyright', ?)"#,
                arguments: [WorkflowFixtures.date]
            )
            let caseID = db.lastInsertedRowID
            for (index, plan) in plans.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO target (caseId, submittedURL, canonicalURL, host, createdAt)
                        VALUES (?, ?, ?, 'films.example.net', ?)
                        """,
                    arguments: [
                        caseID, "https://films.example.net/\(index)", "https://films.example.net/\(index)",
                        WorkflowFixtures.date,
                    ]
                )
                let target = db.lastInsertedRowID
                try db.execute(
                    sql: "INSERT INTO profile (targetId, json, resolvedAt) VALUES (?, '{}', ?)",
                    arguments: [target, WorkflowFixtures.date]
                )
                try db.execute(
                    sql: "INSERT INTO plan (targetId, profileId, json, createdAt) VALUES (?, ?, ?, ?)",
                    arguments: [target, db.lastInsertedRowID, LongarmStore.planJSON(plan), WorkflowFixtures.date]
                )
            }
        }
        let store = try LongarmStore(writer: queue)
        #expect(try store.appliedMigrations().contains("v8-plan-fragments"))
        let latest = try store.latestPlans(caseID: 1)
        #expect(latest.count == plans.count)
        #expect(Set(latest.values.map(\.plan)) == Set(plans))
        let formats = try queue.read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT format FROM plan") }
        #expect(formats == [3])
    }

    @Test func aChangedPlanRowOrFragmentIsReportedByVerify() throws {
        let store = try LongarmStore.inMemory()
        let outcomeStore = store
        let (caseID, ids) = try Self.targets(store, count: 4)
        let plan = WorkflowFixtures.planner.plan(
            WorkflowFixtures.profile(
                url: "https://films.example.net/watch/0",
                host: "films.example.net",
                country: "FR"
            ),
            context: PlanningContext(kind: .copyright, holder: "x", holderCountry: CountryCode(lenient: "CN"))
        )
        var stored: [LongarmStore.StoredPlan] = []
        for id in ids { stored.append(try outcomeStore.savePlan(plan, targetID: id.target, profileID: id.profile)) }
        #expect(try store.planIntegrityProblems(caseID: caseID).isEmpty)
        let verifier = CaseVerifier(store: store, dataDirectory: FileManager.default.temporaryDirectory)
        #expect(try verifier.verify(caseID: caseID).problems.isEmpty)

        // A rung's escalation advice rewritten inside its shared fragment.
        try store.writer.write { db in
            let key = try #require(
                try String.fetchOne(
                    db,
                    sql: "SELECT sha256 FROM plan_fragment WHERE CAST(json AS TEXT) LIKE '%\"escalation\"%' LIMIT 1"
                )
            )
            try db.execute(
                sql: """
                    UPDATE plan_fragment SET json = replace(CAST(json AS TEXT), '"escalation":"', '"escalation":"never ')
                    WHERE sha256 = ?
                    """,
                arguments: [key]
            )
        }
        let fragmentProblems = try store.planIntegrityProblems(caseID: caseID)
        #expect(fragmentProblems.contains { $0.problem == "plan fragment changed" })
        #expect(try verifier.verify(caseID: caseID).problems.contains { $0.what == "plan fragment changed" })

        // A plan row's URL rewritten.
        try store.writer.write { db in
            try db.execute(
                sql: "UPDATE plan SET json = replace(json, 'films.example.net', 'films.example.org') WHERE id = ?",
                arguments: [stored[1].id]
            )
        }
        let rowProblems = try store.planIntegrityProblems(caseID: caseID)
        #expect(rowProblems.contains { $0.location == "plan \(stored[1].id)" })
        #expect(!rowProblems.contains { $0.location == "plan \(stored[0].id)" })
        #expect(try verifier.verify(caseID: caseID).problems.contains { $0.location == "plan \(stored[1].id)" })

        // A fragment deleted.
        try store.writer.write { db in try db.execute(sql: "DELETE FROM plan_fragment") }
        #expect(try store.planIntegrityProblems(caseID: caseID).contains { $0.problem == "plan fragment missing" })
    }

    @Test func theBundleRecordsHoldTheFragmentsTheCasesPlansName() throws {
        let store = try LongarmStore.inMemory()
        let (caseID, ids) = try Self.targets(store, count: 3)
        let other = try Self.targets(store, count: 1)
        let plans = try Self.variedPlans()
        for (plan, id) in zip(plans, ids) { try store.savePlan(plan, targetID: id.target, profileID: id.profile) }
        try store.savePlan(plans[3], targetID: other.1[0].target, profileID: other.1[0].profile)
        #expect(try store.caseRecordTables().contains("plan_fragment"))
        let dumped = Set(try store.dumpRows(table: "plan_fragment", caseID: caseID).compactMap { $0["sha256"] })
        var named: Set<String> = []
        for row in try store.dumpRows(table: "plan", caseID: caseID) {
            struct Keys: Decodable {
                struct Rung: Decodable { var frame: String }
                var frame: String
                var rungs: [Rung]
            }
            let keys = try JSONDecoder().decode(Keys.self, from: Data(try #require(row["json"]).utf8))
            named.insert(keys.frame)
            named.formUnion(keys.rungs.map(\.frame))
        }
        #expect(!named.isEmpty)
        #expect(dumped == named)
    }

    @Test func aChangedWholePlanRowIsReportedByVerifyToo() throws {
        let store = try LongarmStore.inMemory()
        let (caseID, ids) = try Self.targets(store, count: 1)
        let plan = try #require(try Self.variedPlans().first)
        let prepared = try LongarmStore.PreparedPlan(plan, targetID: ids[0].target, profileID: ids[0].profile)
        #expect(prepared.format == 3)
        let stored = try store.savePlans([prepared])
        #expect(try store.latestPlans(caseID: caseID)[ids[0].target]?.plan == plan)
        #expect(try store.planIntegrityProblems(caseID: caseID).isEmpty)
        try store.writer.write { db in
            try db.execute(
                sql: "UPDATE plan SET json = replace(json, 'https', 'http') WHERE id = ?",
                arguments: [stored[0].id]
            )
        }
        #expect(try store.planIntegrityProblems(caseID: caseID).map(\.location) == ["plan \(stored[0].id)"])
    }
}

/// The frame cache recognises a frame met before by comparing it with the rung in place; that comparison must
/// agree with building the frame and comparing the values, or two different rungs would share one frame.
struct RungFrameMatchingTests {
    @Test func matchingAgreesWithSplittingForEveryPairOfVariedRungs() throws {
        let plans = Array(try PlanFragmentStoreTests.variedPlans().prefix(120))
        var rungs: [(rung: NoticeRung, names: TargetNames)] = []
        for plan in plans {
            let names = TargetNames(plan: plan)
            rungs.append(contentsOf: plan.rungs.map { ($0, names) })
        }
        // Near misses too: the same rungs with one field changed at a time.
        let base = rungs.prefix(40).map(\.rung)
        for rung in base {
            let names = TargetNames(plan: plans[0])
            var other = rung
            other.escalation += "!"
            rungs.append((other, names))
            other = rung
            other.languages.append("xx")
            rungs.append((other, names))
            other = rung
            other.deadline = NoticeDeadline(duration: "P1D", text: "a day", confidence: .uncertain)
            rungs.append((other, names))
            other = rung
            other.requiredElements = Array(other.requiredElements.dropLast())
            rungs.append((other, names))
            other = rung
            other.legalBasis = other.legalBasis.map {
                var basis = $0
                basis.note = "changed"
                return basis
            }
            rungs.append((other, names))
            other = rung
            other.channel.notes.append("changed")
            rungs.append((other, names))
        }
        var frames: [RungFrame] = []
        for (rung, names) in rungs {
            let frame = RungFrame.split(rung, names: names).frame
            if !frames.contains(frame) { frames.append(frame) }
        }
        #expect(frames.count > 100)
        var agreed = 0
        for (rung, names) in rungs {
            let shape = RungFrame.Shape(rung, names: names)
            let split = RungFrame.split(rung, names: names)
            #expect(shape.own(of: rung) == split.own)
            for frame in frames {
                let matches = frame.matches(rung, shape: shape)
                if matches != (frame == split.frame) {
                    Issue.record(
                        "frame of step \(frame.step) \(frame.role) disagrees for rung \(rung.step) \(rung.role)"
                    )
                    return
                }
                agreed += 1
            }
        }
        #expect(agreed == rungs.count * frames.count)
    }
}

/// The search for a target's names in plan text, which decides what a plan row keeps of its own.
struct TargetNamesSearchTests {
    @Test func findsEachNameWhereverItStandsAndNothingElse() {
        let names = TargetNames(names: ["site101.example", "192.0.2.101", "2001:db8::1", "plainhost", ""])
        let found = [
            "site101.example",
            "the operator of site101.example",
            "site101.example hosts it",
            "at 192.0.2.101; most notice regimes address hosts",
            "via [2001:db8::1]:443",
            "plainhost",
            "a plainhost b",
            "Art. 16. Sec. 2 site101.example.",
            "www.site101.example/v/1",
        ]
        let missed = [
            "",
            "site101.exampl",
            "ite101.example",
            "site102.example and 192.0.2.10",
            "192.0.2.10x",
            "2001:db8::2",
            "plainhos",
            "Art. 16. Sec. 2 . . .",
            "site101 example",
        ]
        for text in found { #expect(names.occur(in: text), "\(text)") }
        for text in missed { #expect(!names.occur(in: text), "\(text)") }
        #expect(!TargetNames(names: []).occur(in: "anything"))
    }
}
