public import Foundation
import GRDB
public import LongarmCore

extension LongarmStore {
    /// A target as the re-checker sees it: its watch status and what its next check is compared with.
    public struct WatchedTarget: Sendable, Hashable {
        /// The target.
        public var target: Target
        /// Its state machine.
        public var status: WatchStatus
        /// Checks recorded so far: a check is recorded only against the version it was judged from.
        public var version: Int64
        /// When the next check is due; a due check's slot in the unique key of its row.
        public var nextCheckAt: Date
        /// When the latest check ran.
        public var lastCheckedAt: Date?
        /// The `ETag` of the latest full response, for `If-None-Match`.
        public var etag: String?
        /// The `Last-Modified` of the latest full response, for `If-Modified-Since`.
        public var lastModified: String?
        /// SHA-256 of the latest full body.
        public var lastDigest: String?
        /// Whether the latest full response still held the content (a `304` repeats it).
        public var lastContentPresent: Bool?
        /// What the content is compared with, once known.
        public var baseline: ContentBaseline?
        /// The body digest of the newest evidence capture's final 2xx response, if the target was captured.
        public var captureDigest: String?
        /// That capture's identifier.
        public var captureID: Int64?
        /// The hosting signature of the newest stored profile, if any: what a first check compares with.
        public var profileHosting: HostingSignature?
    }

    /// The content a target's checks are compared with.
    public struct ContentBaseline: Sendable, Hashable {
        /// SHA-256 of the baseline body.
        public var digest: String
        /// Where it came from: `capture:<id>` or `check:<id>` (the first served body when nothing was captured).
        public var source: String
        /// The body's fingerprint (opaque to the store), once computed.
        public var fingerprint: Data?

        /// Creates a baseline.
        public init(digest: String, source: String, fingerprint: Data?) {
            self.digest = digest
            self.source = source
            self.fingerprint = fingerprint
        }
    }

    /// Which targets a read of watched targets returns.
    public enum WatchScope: Sendable, Hashable {
        /// Targets whose next check is due at the given time.
        case dueBy(Date)
        /// Every target.
        case all
        /// The targets of one case.
        case caseID(Int64)
        /// The listed targets.
        case targetIDs([Int64])
    }

    /// Gives every target without a watch status one: active, due at once.
    ///
    /// - Returns: the number of statuses created.
    @discardableResult
    public func ensureWatchStatuses() throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO watch_status (targetId, state, goneConfirmations, consecutiveFailures, nextCheckAt,
                        version)
                    SELECT t.id, 'active', 0, 0, t.createdAt, 0 FROM target t
                    WHERE NOT EXISTS (SELECT 1 FROM watch_status w WHERE w.targetId = t.id)
                    """
            )
            return db.changesCount
        }
    }

    /// Up to `limit` watched targets of `scope` with identifiers above `afterID`, in identifier order.
    public func watchedTargets(_ scope: WatchScope, afterID: Int64 = 0, limit: Int = 2000) throws -> [WatchedTarget] {
        var conditions = ["t.id > ?"]
        var arguments: [any DatabaseValueConvertible] = [afterID]
        switch scope {
        case .dueBy(let time):
            conditions.append("w.nextCheckAt <= ?")
            arguments.append(time)
        case .all:
            break
        case .caseID(let id):
            conditions.append("t.caseId = ?")
            arguments.append(id)
        case .targetIDs(let ids):
            guard !ids.isEmpty else { return [] }
            conditions.append("t.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))")
            arguments += ids.map { $0 as any DatabaseValueConvertible }
        }
        arguments.append(limit)
        let sql = """
            SELECT t.id, t.caseId, t.submittedURL, t.canonicalURL, t.host, t.registrableDomain, t.kind, t.note,
                t.createdAt, w.state, w.goneConfirmations, w.lastCountedGoneAt, w.consecutiveFailures, w.hosting,
                w.nextCheckAt, w.lastCheckedAt, w.etag, w.lastModified, w.lastDigest, w.lastContentPresent,
                w.baselineDigest, w.baselineSource, w.baselineFingerprint, w.version,
                (SELECT x.bodySHA256 || ' ' || c.id FROM evidence_capture c
                    JOIN evidence_exchange x ON x.evidence_captureId = c.id
                    WHERE c.targetId = t.id AND x.status BETWEEN 200 AND 299
                    ORDER BY c.id DESC, x.ordinal DESC LIMIT 1) AS capture,
                CASE WHEN w.hosting IS NULL THEN (SELECT p.json FROM profile p WHERE p.targetId = t.id
                    ORDER BY p.resolvedAt DESC, p.id DESC LIMIT 1) END AS profile
            FROM target t JOIN watch_status w ON w.targetId = t.id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY t.id LIMIT ?
            """
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        }
        return try rows.map(Self.watchedTarget)
    }

    /// The earliest time any target is due, or `nil` when nothing is watched.
    public func nextDueDate() throws -> Date? {
        try writer.read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(nextCheckAt) FROM watch_status")
        }
    }

    /// The watch status of one target, or `nil` when it was never watched.
    public func watchedTarget(id: Int64) throws -> WatchedTarget? {
        try watchedTargets(.targetIDs([id])).first
    }

    /// Stores the fingerprint of a target's baseline (computed lazily, the first time a body differed).
    public func saveBaselineFingerprint(targetID: Int64, digest: String, fingerprint: Data) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE watch_status SET baselineFingerprint = ? WHERE targetId = ? AND baselineDigest = ?",
                arguments: [fingerprint, targetID, digest]
            )
        }
    }

    /// The number of watched targets in each state.
    public func watchStateCounts() throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM watch_status GROUP BY state") {
                counts[row["state"]] = row["n"]
            }
            return counts
        }
    }

    // Columns by position, in the order of the SELECT above (its first nine are `Target.columns`): a page of
    // thousands of rows decodes noticeably faster than by name.
    private static func watchedTarget(_ row: Row) throws -> WatchedTarget {
        let target = try Target(columns: row)
        let stateText: String = row[9]
        guard let state = TargetState(rawValue: stateText) else {
            throw StoreError.inconsistent("target \(target.id ?? 0) has unknown watch state \"\(stateText)\"")
        }
        let hostingJSON: Data? = row[13]
        let status = WatchStatus(
            state: state,
            goneConfirmations: row[10],
            lastCountedGoneAt: row[11],
            hosting: try hostingJSON.map { try jsonDecoder.decode(HostingSignature.self, from: $0) },
            consecutiveFailures: row[12]
        )
        let baselineDigest: String? = row[20]
        let capture: String? = row[24]
        let captureParts = capture?.split(separator: " ")
        let profileJSON: Data? = row[25]
        return WatchedTarget(
            target: target,
            status: status,
            version: row[23],
            nextCheckAt: row[14],
            lastCheckedAt: row[15],
            etag: row[16],
            lastModified: row[17],
            lastDigest: row[18],
            lastContentPresent: row[19],
            baseline: baselineDigest.map {
                ContentBaseline(digest: $0, source: row[21], fingerprint: row[22])
            },
            captureDigest: captureParts?.first.map(String.init),
            captureID: captureParts?.last.flatMap { Int64($0) },
            profileHosting: try profileJSON.map {
                HostingSignature(try jsonDecoder.decode(HostingProfile.self, from: $0))
            }
        )
    }

    /// v7: watch statuses, checks, notices and their events, follow-ups (move and escalation drafts).
    static func registerWatchMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-watch") { db in
            try db.create(table: "watch_status") { t in
                t.primaryKey("targetId", .integer).references("target", onDelete: .cascade)
                t.column("state", .text).notNull()
                t.column("goneConfirmations", .integer).notNull()
                t.column("lastCountedGoneAt", .datetime)
                t.column("consecutiveFailures", .integer).notNull()
                t.column("hosting", .blob)
                t.column("nextCheckAt", .datetime).notNull()
                t.column("lastCheckedAt", .datetime)
                t.column("etag", .text)
                t.column("lastModified", .text)
                t.column("lastDigest", .text)
                t.column("lastContentPresent", .boolean)
                t.column("baselineDigest", .text)
                t.column("baselineSource", .text)
                t.column("baselineFingerprint", .blob)
                t.column("version", .integer).notNull()
            }
            try db.create(index: "watch_status_on_due", on: "watch_status", columns: ["nextCheckAt"])
            // A check is unique per target and scheduled slot: a check retried after a crash is never stored twice.
            try db.create(table: "watch_check") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("target", onDelete: .cascade).notNull()
                t.column("scheduledAt", .datetime).notNull()
                t.column("checkedAt", .datetime).notNull()
                t.column("outcome", .text).notNull()
                t.column("httpStatus", .integer)
                t.column("finalURL", .text)
                t.column("digest", .text)
                t.column("contentPresent", .boolean)
                t.column("contentMatch", .text)
                t.column("reason", .text)
                t.column("stateBefore", .text).notNull()
                t.column("stateAfter", .text).notNull()
                t.column("hosting", .blob)
                t.column("hostingChanges", .text)
                t.column("profileId", .integer)
                t.column("custodySeq", .integer)
                t.uniqueKey(["targetId", "scheduledAt"])
            }
            try db.create(table: "notice") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("case", onDelete: .cascade).notNull()
                t.belongsTo("target", onDelete: .cascade).notNull()
                t.belongsTo("plan", onDelete: .setNull)
                t.column("rungStep", .integer).notNull()
                t.column("role", .text).notNull()
                t.column("party", .text).notNull()
                t.column("sentAt", .datetime).notNull()
                t.column("via", .text)
                t.column("messageId", .text)
                t.column("dueAt", .datetime)
                t.column("deadline", .text)
                t.column("state", .text).notNull()
                t.column("outcome", .text)
                t.column("outcomeAt", .datetime)
                t.uniqueKey(["targetId", "planId", "rungStep", "sentAt"])
            }
            try db.create(index: "notice_on_due", on: "notice", columns: ["state", "dueAt"])
            try db.create(table: "notice_event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("notice", onDelete: .cascade).notNull()
                t.column("targetId", .integer).notNull()
                t.column("time", .datetime).notNull()
                t.column("kind", .text).notNull()
                t.column("detail", .text)
            }
            try db.create(index: "notice_event_on_target", on: "notice_event", columns: ["targetId", "time"])
            // A follow-up is made once: its key names the check (a move) or the notice and rung (an escalation).
            try db.create(table: "watch_followup") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("key", .text).notNull().unique()
                t.column("kind", .text).notNull()
                t.belongsTo("case", onDelete: .cascade).notNull()
                t.belongsTo("target", onDelete: .cascade).notNull()
                t.column("noticeId", .integer)
                t.column("checkId", .integer)
                t.column("fromPlanId", .integer)
                t.column("rungStep", .integer)
                t.column("state", .text).notNull()
                t.column("folder", .text)
                t.column("planId", .integer)
                t.column("letterCount", .integer)
                t.column("note", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("doneAt", .datetime)
            }
            try db.create(index: "evidence_capture_on_target", on: "evidence_capture", columns: ["targetId"])
        }
    }
}
