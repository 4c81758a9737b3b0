public import Foundation
import GRDB
public import LongarmCore

extension LongarmStore {
    /// One re-check of a target as stored: what the fetch gave and how the state moved.
    public struct CheckRecord: Sendable, Hashable, Codable {
        /// The row's identifier; `nil` until stored.
        public var id: Int64?
        /// The target checked.
        public var targetID: Int64
        /// The slot the check filled: the due time, or the run's start for a forced check.
        public var scheduledAt: Date
        /// When the check ran.
        public var checkedAt: Date
        /// `response`, `not-modified` or `unreachable`.
        public var outcome: String
        /// The final HTTP status, when a response arrived.
        public var httpStatus: Int?
        /// The URL of the final response, after redirects.
        public var finalURL: String?
        /// SHA-256 of the final body (for `304`, the body it confirmed).
        public var digest: String?
        /// Whether the captured content was still served.
        public var contentPresent: Bool?
        /// How the body compared with the baseline (`same-digest`, `similar`, `changed`, `not-modified` …).
        public var contentMatch: String?
        /// Why no usable response came (timeout, refused, HTTP 503 …).
        public var reason: String?
        /// The state before the check.
        public var stateBefore: TargetState
        /// The state after it.
        public var stateAfter: TargetState
        /// The hosting as re-resolved for the check.
        public var hosting: HostingSignature?
        /// What changed in the hosting (`addresses`, `ASN`, `hosting country`, `CDN`, `registrar`).
        public var hostingChanges: [String]
        /// The profile stored because the hosting changed.
        public var profileID: Int64?
        /// The custody-log entry written with the check.
        public var custodySeq: Int64?

        /// Creates a record.
        public init(
            id: Int64? = nil,
            targetID: Int64,
            scheduledAt: Date,
            checkedAt: Date,
            outcome: String,
            httpStatus: Int? = nil,
            finalURL: String? = nil,
            digest: String? = nil,
            contentPresent: Bool? = nil,
            contentMatch: String? = nil,
            reason: String? = nil,
            stateBefore: TargetState,
            stateAfter: TargetState,
            hosting: HostingSignature? = nil,
            hostingChanges: [String] = [],
            profileID: Int64? = nil,
            custodySeq: Int64? = nil
        ) {
            self.id = id
            self.targetID = targetID
            self.scheduledAt = scheduledAt
            self.checkedAt = checkedAt
            self.outcome = outcome
            self.httpStatus = httpStatus
            self.finalURL = finalURL
            self.digest = digest
            self.contentPresent = contentPresent
            self.contentMatch = contentMatch
            self.reason = reason
            self.stateBefore = stateBefore
            self.stateAfter = stateAfter
            self.hosting = hosting
            self.hostingChanges = hostingChanges
            self.profileID = profileID
            self.custodySeq = custodySeq
        }
    }

    /// A finished check and the target's status after it, to be stored together.
    public struct CheckWrite: Sendable {
        /// The check.
        public var check: CheckRecord
        /// The target's case (for the follow-up of a move).
        public var caseID: Int64
        /// The status version the check was judged from.
        public var expectedVersion: Int64
        /// The status after the check.
        public var status: WatchStatus
        /// When the target is checked next.
        public var nextCheckAt: Date
        /// Validators and digest of the latest full response (kept from before on a `304` or a failure).
        public var etag: String?
        public var lastModified: String?
        public var lastDigest: String?
        public var lastContentPresent: Bool?
        /// A new baseline to store; `source` `"check"` means this check's own body (written `check:<id>`).
        public var baseline: ContentBaseline?
        /// A profile to store because the hosting changed; a `move` follow-up is queued with it.
        public var movedProfile: HostingProfile?

        /// Creates a write.
        public init(
            check: CheckRecord,
            caseID: Int64,
            expectedVersion: Int64,
            status: WatchStatus,
            nextCheckAt: Date,
            etag: String?,
            lastModified: String?,
            lastDigest: String?,
            lastContentPresent: Bool?,
            baseline: ContentBaseline?,
            movedProfile: HostingProfile?
        ) {
            self.check = check
            self.caseID = caseID
            self.expectedVersion = expectedVersion
            self.status = status
            self.nextCheckAt = nextCheckAt
            self.etag = etag
            self.lastModified = lastModified
            self.lastDigest = lastDigest
            self.lastContentPresent = lastContentPresent
            self.baseline = baseline
            self.movedProfile = movedProfile
        }
    }

    /// What became of one ``CheckWrite``.
    public enum CheckCommit: Sendable, Hashable {
        /// Stored, with the follow-up queued for a move.
        case recorded(CheckRecord, followUpID: Int64?)
        /// The slot was already recorded (by an earlier run or another process): nothing stored.
        case duplicate(targetID: Int64)
        /// The status changed after the check read it (another process checked the target): nothing stored.
        case superseded(targetID: Int64)
    }

    /// Stores checks in one transaction; each check, its custody entry (`recheck` on `check:<id>`, with the body
    /// digest), the target's new status and any moved profile commit together or not at all.
    ///
    /// The custody chain's tip is read once per batch (the immediate transaction holds the write lock) and each
    /// check's entry links to the previous one; a check rolled back to its savepoint leaves the tip where it was.
    public func recordChecks(_ writes: [CheckWrite], actor: String) throws -> [CheckCommit] {
        guard !writes.isEmpty else { return [] }
        return try writer.writeWithoutTransaction { db in try Self.recordChecks(writes, actor: actor, db: db) }
    }

    /// ``recordChecks(_:actor:)`` on the store's writer queue, suspending the caller instead of blocking its
    /// thread, so that checks go on while a batch is written.
    public func storeChecks(_ writes: [CheckWrite], actor: String) async throws -> [CheckCommit] {
        guard !writes.isEmpty else { return [] }
        return try await writer.writeWithoutTransaction { db in try Self.recordChecks(writes, actor: actor, db: db) }
    }

    private static func recordChecks(_ writes: [CheckWrite], actor: String, db: Database) throws -> [CheckCommit] {
        var commits: [CheckCommit] = []
        try db.inTransaction(.immediate) {
            commits = []
            let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1")
            var batch = CheckBatch(
                actor: actor,
                tipSeq: last?["seq"] ?? 0,
                tipHash: last?["hash"] ?? CustodyEntry.genesisPrev
            )
            for write in writes {
                var commit = CheckCommit.duplicate(targetID: write.check.targetID)
                var next = batch
                try db.inSavepoint {
                    commit = try Self.recordCheck(write, batch: &next, db: db)
                    if case .recorded = commit { return .commit }
                    return .rollback
                }
                if case .recorded = commit { batch = next }
                commits.append(commit)
            }
            return .commit
        }
        return commits
    }

    /// What the checks of one batch share: who acts, the custody chain's tip, encoded hosting signatures.
    private struct CheckBatch {
        var actor: String
        var tipSeq: Int64
        var tipHash: String
        var encoded: [HostingSignature: Data] = [:]

        mutating func json(_ signature: HostingSignature?) throws -> Data? {
            guard let signature else { return nil }
            if let data = encoded[signature] { return data }
            let data = try LongarmStore.jsonEncoder.encode(signature)
            encoded[signature] = data
            return data
        }
    }

    private static func recordCheck(_ write: CheckWrite, batch: inout CheckBatch, db: Database) throws -> CheckCommit {
        var check = write.check
        let targetID = check.targetID
        let seq = batch.tipSeq + 1
        if let profile = write.movedProfile {
            try db.execute(
                sql: "INSERT INTO profile (targetId, json, resolvedAt) VALUES (?, ?, ?)",
                arguments: [targetID, try jsonEncoder.encode(profile), profile.resolvedAt]
            )
            check.profileID = db.lastInsertedRowID
        }
        let checkedAt = StoreDate.text(check.checkedAt)
        try db.cachedStatement(
            sql: """
                INSERT INTO watch_check (targetId, scheduledAt, checkedAt, outcome, httpStatus, finalURL, digest,
                    contentPresent, contentMatch, reason, stateBefore, stateAfter, hosting, hostingChanges, profileId,
                    custodySeq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (targetId, scheduledAt) DO NOTHING
                """
        ).execute(
            arguments: [
                targetID, StoreDate.text(check.scheduledAt), checkedAt, check.outcome, check.httpStatus,
                check.finalURL, check.digest, check.contentPresent, check.contentMatch, check.reason,
                check.stateBefore.rawValue, check.stateAfter.rawValue, try batch.json(check.hosting),
                check.hostingChanges.isEmpty ? nil : check.hostingChanges.joined(separator: ", "), check.profileID, seq,
            ]
        )
        guard db.changesCount == 1 else { return .duplicate(targetID: targetID) }
        let checkID = db.lastInsertedRowID
        check.id = checkID
        check.custodySeq = seq
        var baselineDigest = write.baseline?.digest
        var baselineSource = write.baseline?.source
        if baselineSource == "check" { baselineSource = "check:\(checkID)" }
        if write.baseline == nil { baselineDigest = nil }
        try db.cachedStatement(
            sql: """
                UPDATE watch_status SET state = ?, goneConfirmations = ?, lastCountedGoneAt = ?,
                    consecutiveFailures = ?, hosting = ?, nextCheckAt = ?, lastCheckedAt = ?, etag = ?,
                    lastModified = ?, lastDigest = ?, lastContentPresent = ?,
                    baselineDigest = COALESCE(?, baselineDigest), baselineSource = COALESCE(?, baselineSource),
                    baselineFingerprint = CASE WHEN ? IS NULL THEN baselineFingerprint ELSE ? END,
                    version = version + 1
                WHERE targetId = ? AND version = ?
                """
        ).execute(
            arguments: [
                write.status.state.rawValue, write.status.goneConfirmations,
                write.status.lastCountedGoneAt.map(StoreDate.text), write.status.consecutiveFailures,
                try batch.json(write.status.hosting), StoreDate.text(write.nextCheckAt), checkedAt, write.etag,
                write.lastModified, write.lastDigest, write.lastContentPresent, baselineDigest, baselineSource,
                baselineDigest, write.baseline?.fingerprint, targetID, write.expectedVersion,
            ]
        )
        guard db.changesCount == 1 else { return .superseded(targetID: targetID) }
        var followUpID: Int64?
        if write.movedProfile != nil {
            try db.execute(
                sql: """
                    INSERT INTO watch_followup (key, kind, caseId, targetId, checkId, fromPlanId, state, createdAt)
                    VALUES (?, 'move', ?, ?, ?,
                        (SELECT id FROM plan WHERE targetId = ? ORDER BY createdAt DESC, id DESC LIMIT 1),
                        'pending', ?)
                    ON CONFLICT (key) DO NOTHING
                    """,
                arguments: ["move:check:\(checkID)", write.caseID, targetID, checkID, targetID, check.checkedAt]
            )
            if db.changesCount == 1 { followUpID = db.lastInsertedRowID }
        }
        let entry = CustodyEntry(
            seq: seq,
            time: CustodyEntry.timestamp(check.checkedAt),
            actor: batch.actor,
            action: "recheck",
            object: "check:\(checkID)",
            digest: check.digest ?? "",
            prev: batch.tipHash
        )
        let hash = entry.chainHash
        try db.cachedStatement(
            sql:
                "INSERT INTO custody (seq, time, actor, action, object, digest, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            entry.seq, entry.time, entry.actor, entry.action, entry.object, entry.digest, entry.prev, hash,
        ])
        batch.tipSeq = seq
        batch.tipHash = hash
        return .recorded(check, followUpID: followUpID)
    }

    /// The checks of a target, oldest first.
    public func checks(targetID: Int64) throws -> [CheckRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM watch_check WHERE targetId = ? ORDER BY checkedAt, id",
                arguments: [targetID]
            ).map(Self.checkRecord)
        }
    }

    /// The checks of every target of a case, by target then time.
    public func checks(caseID: Int64) throws -> [CheckRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.* FROM watch_check c JOIN target t ON t.id = c.targetId
                    WHERE t.caseId = ? ORDER BY c.targetId, c.checkedAt, c.id
                    """,
                arguments: [caseID]
            ).map(Self.checkRecord)
        }
    }

    /// How many checks are stored.
    public func checkCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM watch_check") ?? 0 }
    }

    private static func checkRecord(_ row: Row) throws -> CheckRecord {
        let hosting: Data? = row["hosting"]
        let changes: String? = row["hostingChanges"]
        return CheckRecord(
            id: row["id"],
            targetID: row["targetId"],
            scheduledAt: row["scheduledAt"],
            checkedAt: row["checkedAt"],
            outcome: row["outcome"],
            httpStatus: row["httpStatus"],
            finalURL: row["finalURL"],
            digest: row["digest"],
            contentPresent: row["contentPresent"],
            contentMatch: row["contentMatch"],
            reason: row["reason"],
            stateBefore: TargetState(rawValue: row["stateBefore"]) ?? .active,
            stateAfter: TargetState(rawValue: row["stateAfter"]) ?? .active,
            hosting: try hosting.map { try jsonDecoder.decode(HostingSignature.self, from: $0) },
            hostingChanges: changes.map { $0.components(separatedBy: ", ") } ?? [],
            profileID: row["profileId"],
            custodySeq: row["custodySeq"]
        )
    }
}
