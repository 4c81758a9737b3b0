import Crypto
public import Foundation
import GRDB
public import LongarmCore

extension LongarmStore {
    /// A stored notice plan, the target it is for and the profile it was planned from.
    public struct StoredPlan: Sendable, Hashable {
        /// The plan row's identifier.
        public var id: Int64
        /// The target planned.
        public var targetID: Int64
        /// The profile row the plan rests on.
        public var profileID: Int64
        /// When the plan was made.
        public var createdAt: Date
        /// The plan.
        public var plan: NoticePlan
    }

    /// A plan with its stored JSON and that JSON's SHA-256 already computed, so that the encoding can run on
    /// any thread before the write transaction, which then only inserts.
    public struct PreparedPlan: Sendable {
        /// The plan.
        public var plan: NoticePlan
        /// The target planned.
        public var targetID: Int64
        /// The profile row the plan rests on.
        public var profileID: Int64
        /// The plan row's JSON: the whole plan (format 3) or what names the target, with the shared frames named
        /// by digest (format 5).
        public var json: Data
        /// SHA-256 of ``json``, lower-case hex: the digest of the plan's custody entry.
        public var sha256: String
        /// The row's format: 3 (whole plan) or 5 (with frames); 4 is read but no longer written.
        public var format: Int
        /// Frames met for the first time while preparing this plan, to be stored with it.
        package var fragments: [PlanFragmentCache.Blob]

        /// Encodes `plan` whole (format 3) and hashes the bytes, for callers that insert the row themselves.
        public init(_ plan: NoticePlan, targetID: Int64, profileID: Int64) throws {
            self.plan = plan
            self.targetID = targetID
            self.profileID = profileID
            self.json = LongarmStore.planJSON(plan)
            self.sha256 = SHA256.hash(data: json).hexString
            self.format = 3
            self.fragments = []
        }

        /// Encodes `plan` in format 5: what names its target (see ``TargetNames``, from the plan's URL) stays in the
        /// row; the rest becomes shared frames, encoded and hashed only the first time `cache` meets them.
        package init(_ plan: NoticePlan, targetID: Int64, profileID: Int64, cache: inout PlanFragmentCache) {
            self.init(plan, targetID: targetID, profileID: profileID, names: TargetNames(plan: plan), cache: &cache)
        }

        /// Encodes `plan` in format 5, the target named by its profile as well (its domain and server addresses).
        package init(
            _ plan: NoticePlan,
            targetID: Int64,
            profileID: Int64,
            profile: HostingProfile,
            cache: inout PlanFragmentCache
        ) {
            self.init(
                plan,
                targetID: targetID,
                profileID: profileID,
                names: TargetNames(profile: profile),
                cache: &cache
            )
        }

        private init(
            _ plan: NoticePlan,
            targetID: Int64,
            profileID: Int64,
            names: TargetNames,
            cache: inout PlanFragmentCache
        ) {
            self.plan = plan
            self.targetID = targetID
            self.profileID = profileID
            var fragments: [PlanFragmentCache.Blob] = []
            let (planFrame, ownWarnings) = PlanFrame.split(plan, names: names)
            let planKey = cache.digest(of: planFrame, new: &fragments)
            var rungs: [(frame: String, own: RungFrame.Own)] = []
            rungs.reserveCapacity(plan.rungs.count)
            // Through the buffer: `for rung in` (or passing `plan.rungs[index]`) would copy every field of each rung.
            plan.rungs.withUnsafeBufferPointer { buffer in
                for index in buffer.indices {
                    rungs.append(cache.frame(of: buffer[index], names: names, new: &fragments))
                }
            }
            var writer = PlanJSONWriter()
            writer.reserve(1_536)
            writer.planRow(plan, frame: planKey, rungs: rungs, ownWarnings: ownWarnings)
            self.json = Data(writer.bytes)
            self.sha256 = SHA256.hash(data: json).hexString
            self.format = 5
            self.fragments = fragments
        }
    }

    /// Stores a plan for a target, with its custody entry; earlier plans are kept as history.
    @discardableResult
    public func savePlan(
        _ plan: NoticePlan,
        targetID: Int64,
        profileID: Int64,
        createdAt: Date = Date(),
        actor: String = "longarm"
    ) throws -> StoredPlan {
        var cache = PlanFragmentCache()
        let prepared = PreparedPlan(plan, targetID: targetID, profileID: profileID, cache: &cache)
        return try savePlans([prepared], createdAt: createdAt, actor: actor)[0]
    }

    /// Stores plans in one transaction, each with a custody entry (`plan` on `plan:<id>`, digest the SHA-256
    /// of the plan row's JSON) committed together with it, and the new fragments they name: either every plan
    /// and entry is stored or none.
    @discardableResult
    public func savePlans(
        _ plans: [PreparedPlan],
        createdAt: Date = Date(),
        actor: String = "longarm"
    ) throws -> [StoredPlan] {
        try savePlans(inParts: [plans], createdAt: createdAt, actor: actor)
    }

    /// Stores plans given in consecutive parts (as several threads prepared them) like ``savePlans(_:createdAt:actor:)``,
    /// in one transaction and in order, without first joining the parts into one array (a copy of every plan).
    @discardableResult
    public func savePlans(
        inParts parts: [[PreparedPlan]],
        createdAt: Date = Date(),
        actor: String = "longarm"
    ) throws -> [StoredPlan] {
        let count = parts.reduce(0) { $0 + $1.count }
        guard count > 0 else { return [] }
        return try writer.writeWithoutTransaction { db in
            var stored: [StoredPlan] = []
            stored.reserveCapacity(count)
            try db.inTransaction(.immediate) {
                stored.removeAll(keepingCapacity: true)
                var cursor = try CustodyCursor(db)
                for plans in parts {
                    for start in stride(from: 0, to: plans.count, by: Self.rowsPerInsert) {
                        let chunk = plans[start..<min(start + Self.rowsPerInsert, plans.count)]
                        stored += try Self.insertPlans(chunk, db, createdAt: createdAt, actor: actor, cursor: &cursor)
                    }
                }
                return .commit
            }
            return stored
        }
    }

    /// Plan rows per `INSERT` statement when storing many: one statement for several rows spares SQLite a statement
    /// run, and an update of `sqlite_sequence`, per row.
    static let rowsPerInsert = 64

    private static let planColumns = ["targetId", "profileId", "json", "createdAt", "format"]

    /// Inserts one to ``rowsPerInsert`` prepared plans' new fragments and rows with one statement, then their custody
    /// entries in the same order, inside the caller's transaction. The rows of one statement get consecutive ids
    /// (the table is `AUTOINCREMENT` and the caller holds the write lock); the count of rows changed is checked.
    static func insertPlans(
        _ plans: ArraySlice<PreparedPlan>,
        _ db: Database,
        createdAt: Date,
        actor: String,
        cursor: inout CustodyCursor
    ) throws -> [StoredPlan] {
        for prepared in plans where !prepared.fragments.isEmpty { try insertFragments(prepared.fragments, db) }
        let insert = try db.cachedStatement(
            sql: StatementBinder.insertSQL(into: "plan", columns: planColumns, rows: plans.count)
        )
        // The date as GRDB writes it, without the DateFormatter GRDB would use for every row.
        let date = StoreDate.text(createdAt)
        var binder = StatementBinder(insert)
        for prepared in plans {
            try binder.bind(prepared.targetID)
            try binder.bind(prepared.profileID)
            try binder.bind(prepared.json)
            try binder.bind(date)
            try binder.bind(prepared.format)
        }
        try binder.execute()
        guard db.changesCount == plans.count else {
            throw StoreError.inconsistent("stored \(db.changesCount) plan rows of \(plans.count)")
        }
        let first = db.lastInsertedRowID - Int64(plans.count) + 1
        try cursor.append(
            db,
            actor: actor,
            action: "plan",
            objects: plans.enumerated().map { offset, prepared in ("plan:\(first + Int64(offset))", prepared.sha256) },
            time: createdAt
        )
        return plans.enumerated().map { offset, prepared in
            StoredPlan(
                id: first + Int64(offset),
                targetID: prepared.targetID,
                profileID: prepared.profileID,
                createdAt: createdAt,
                plan: prepared.plan
            )
        }
    }

    /// Stores fragments not yet stored (a fragment already there has the same bytes: its key is their digest).
    private static func insertFragments(_ fragments: [PlanFragmentCache.Blob], _ db: Database) throws {
        let fragment = try db.cachedStatement(sql: "INSERT OR IGNORE INTO plan_fragment (sha256, json) VALUES (?, ?)")
        for blob in fragments {
            try fragment.execute(arguments: [blob.sha256, blob.json])
        }
    }

    /// Inserts a prepared plan's new fragments, its row and its custody entry, inside the caller's transaction.
    static func insertPlan(
        _ db: Database,
        _ prepared: PreparedPlan,
        createdAt: Date,
        actor: String,
        cursor: inout CustodyCursor
    ) throws -> StoredPlan {
        try insertPlans([prepared][...], db, createdAt: createdAt, actor: actor, cursor: &cursor)[0]
    }

    /// The newest plan of each target of a case (of `targetIDs` only, when given), keyed by target id; targets
    /// never planned are absent.
    public func latestPlans(caseID: Int64, targetIDs: Set<Int64>? = nil) throws -> [Int64: StoredPlan] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.* FROM plan p JOIN target t ON t.id = p.targetId
                    WHERE t.caseId = ? AND p.id = (
                        SELECT p2.id FROM plan p2 WHERE p2.targetId = p.targetId
                        ORDER BY p2.createdAt DESC, p2.id DESC LIMIT 1)
                    """,
                arguments: [caseID]
            )
            var reader = PlanReader()
            var result: [Int64: StoredPlan] = [:]
            while let row = try rows.next() {
                if let targetIDs, !targetIDs.contains(row["targetId"]) { continue }
                let stored = try reader.storedPlan(row, db)
                result[stored.targetID] = stored
            }
            return result
        }
    }

    /// The newest stored profile of each of `targetIDs` as the planner reads it, keyed by target id: the profile
    /// row's id and its JSON, undecoded, so that the caller can decode many on several threads. Targets never
    /// resolved are absent. A batch at a time, so that planning a large case never holds every profile at once.
    public func latestProfileDocuments(targetIDs: [Int64]) throws -> [Int64: (profileID: Int64, json: Data)] {
        guard !targetIDs.isEmpty else { return [:] }
        return try writer.read { db in
            var result: [Int64: (profileID: Int64, json: Data)] = [:]
            result.reserveCapacity(targetIDs.count)
            // SQLite takes at most 32,766 parameters in one statement.
            for start in stride(from: 0, to: targetIDs.count, by: 10_000) {
                let chunk = Array(targetIDs[start..<min(start + 10_000, targetIDs.count)])
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT p.id, p.targetId, p.json FROM profile p
                        WHERE p.targetId IN (\(databaseQuestionMarks(count: chunk.count))) AND p.id = (
                            SELECT p2.id FROM profile p2 WHERE p2.targetId = p.targetId
                            ORDER BY p2.resolvedAt DESC, p2.id DESC LIMIT 1)
                        """,
                    arguments: StatementArguments(chunk)
                )
                while let row = try rows.next() {
                    result[row[1]] = (row[0], row[2])
                }
            }
            return result
        }
    }

    /// Decodes a profile document from ``latestProfileDocuments(targetIDs:)``; safe to call from any thread. The
    /// hand-written reader takes what it knows; anything else (and every error) is `JSONDecoder`'s to decide.
    public static func decodeProfile(_ json: Data) throws -> HostingProfile {
        if let profile = try? ProfileJSONReader.profile(json) { return profile }
        return try jsonDecoder.decode(HostingProfile.self, from: json)
    }

    /// The stored JSON of plan `id` (the bytes its custody entry's digest covers), or `nil`.
    public func planJSON(id: Int64) throws -> Data? {
        try writer.read { db in try Data.fetchOne(db, sql: "SELECT json FROM plan WHERE id = ?", arguments: [id]) }
    }
}
