public import Foundation
import GRDB
public import LongarmCore

extension LongarmStore {
    /// Work a re-check leaves to do once, and what came of it: re-planning a moved target, or drafting the next
    /// rung after a deadline passed.
    public struct FollowUpRecord: Sendable, Hashable, Codable {
        /// What the follow-up is for.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// The hosting changed: a new plan and drafts for the new parties.
            case move
            /// A notice's deadline passed with the content still up: the next rung is drafted and flagged.
            case escalation
        }

        public var id: Int64
        /// The uniqueness key: `move:check:<id>` or `escalation:notice:<id>:rung:<step>`.
        public var key: String
        public var kind: Kind
        public var caseID: Int64
        public var targetID: Int64
        /// The notice whose deadline passed (escalations).
        public var noticeID: Int64?
        /// The check that found the move (moves).
        public var checkID: Int64?
        /// The plan in force when the follow-up was queued; it is kept.
        public var fromPlanID: Int64?
        /// The rung to draft (escalations); `nil` when the ladder has no further rung.
        public var rungStep: Int?
        /// `pending` until drafted, then `done`.
        public var done: Bool
        /// Where the drafts were written.
        public var folder: String?
        /// The plan made (moves) or drafted from (escalations).
        public var planID: Int64?
        /// Letter files written.
        public var letterCount: Int?
        /// What a person should know (no new party, ladder exhausted …).
        public var note: String?
        public var createdAt: Date
        public var doneAt: Date?
    }

    /// A plan to store with a follow-up.
    public struct FollowUpPlan: Sendable {
        public var plan: NoticePlan
        public var profileID: Int64

        /// Creates one.
        public init(plan: NoticePlan, profileID: Int64) {
            self.plan = plan
            self.profileID = profileID
        }
    }

    /// Marks an open notice due (its deadline passed with the content still up) and queues the escalation to
    /// `nextRung`, in one transaction. A notice is escalated once: a second call returns the same follow-up.
    @discardableResult
    public func markNoticeDue(
        _ notice: NoticeRecord,
        nextRung: Int?,
        time: Date,
        detail: String
    ) throws -> FollowUpRecord {
        guard let noticeID = notice.id else { throw StoreError.inconsistent("notice without an identifier") }
        let key = "escalation:notice:\(noticeID):rung:\(nextRung.map(String.init) ?? "none")"
        return try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO watch_followup (key, kind, caseId, targetId, noticeId, fromPlanId, rungStep, state,
                        createdAt)
                    VALUES (?, 'escalation', ?, ?, ?, ?, ?, 'pending', ?)
                    ON CONFLICT (key) DO NOTHING
                    """,
                arguments: [key, notice.caseID, notice.targetID, noticeID, notice.planID, nextRung, time]
            )
            if db.changesCount == 1 {
                try db.execute(sql: "UPDATE notice SET state = 'due' WHERE id = ?", arguments: [noticeID])
                try Self.insertEvent(
                    db,
                    noticeID: noticeID,
                    targetID: notice.targetID,
                    time: time,
                    kind: "due",
                    detail: detail
                )
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM watch_followup WHERE key = ?", arguments: [key])
            else { throw StoreError.inconsistent("follow-up \(key) vanished") }
            return Self.followUp(row)
        }
    }

    /// Follow-ups not yet drafted, oldest first (after a crash, the ones left over).
    public func pendingFollowUps() throws -> [FollowUpRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM watch_followup WHERE state = 'pending' ORDER BY id").map(
                Self.followUp
            )
        }
    }

    /// The follow-ups of a case, oldest first.
    public func followUps(caseID: Int64) throws -> [FollowUpRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM watch_followup WHERE caseId = ? ORDER BY id", arguments: [caseID])
                .map(Self.followUp)
        }
    }

    /// The follow-ups of a target, oldest first.
    public func followUps(targetID: Int64) throws -> [FollowUpRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM watch_followup WHERE targetId = ? ORDER BY id",
                arguments: [targetID]
            )
            .map(Self.followUp)
        }
    }

    /// Completes a follow-up once: stores the new plan (moves), the drafted letters' records and the outcome, and
    /// for a move holds the target's open notices (their party may no longer hold the content), in one
    /// transaction. Letter records without a plan get the new plan's identifier. The new plan and every letter
    /// get a custody entry, as when `plan` and `letters` store them.
    ///
    /// - Returns: the follow-up as stored; when it was already done, unchanged and nothing else is stored.
    @discardableResult
    public func completeFollowUp(
        id: Int64,
        plan: FollowUpPlan?,
        planID existingPlanID: Int64? = nil,
        letters: [LetterRecord],
        folder: String?,
        note: String?,
        time: Date,
        actor: String = "longarm"
    ) throws -> FollowUpRecord {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM watch_followup WHERE id = ?", arguments: [id])
            else { throw StoreError.inconsistent("follow-up \(id) does not exist") }
            let current = Self.followUp(row)
            guard !current.done else { return current }
            var planID = existingPlanID
            if let plan {
                let prepared = try PreparedPlan(plan.plan, targetID: current.targetID, profileID: plan.profileID)
                try db.execute(
                    sql: "INSERT INTO plan (targetId, profileId, json, createdAt) VALUES (?, ?, ?, ?)",
                    arguments: [current.targetID, plan.profileID, prepared.json, time]
                )
                let newPlanID = db.lastInsertedRowID
                planID = newPlanID
                _ = try Self.appendCustody(
                    db,
                    actor: actor,
                    action: "plan",
                    object: "plan:\(newPlanID)",
                    digest: prepared.sha256,
                    time: time
                )
            }
            for letter in letters {
                try db.execute(
                    sql: """
                        INSERT INTO letter (caseId, targetId, planId, rungStep, party, channel, language, format, path,
                            sha256, draft, createdAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        letter.caseID, letter.targetID, letter.planID ?? planID, letter.rungStep, letter.party,
                        letter.channel, letter.language, letter.format, letter.path, letter.sha256, letter.draft,
                        letter.createdAt,
                    ]
                )
                _ = try Self.appendCustody(
                    db,
                    actor: actor,
                    action: "letter",
                    object: "letter:\(db.lastInsertedRowID)",
                    digest: letter.sha256,
                    time: letter.createdAt
                )
            }
            if current.kind == .move {
                let open = try Int64.fetchAll(
                    db,
                    sql: "SELECT id FROM notice WHERE targetId = ? AND state = 'open'",
                    arguments: [current.targetID]
                )
                for noticeID in open {
                    try db.execute(sql: "UPDATE notice SET state = 'held' WHERE id = ?", arguments: [noticeID])
                    let detail = "hosting changed; held and re-planned" + (planID.map { " as plan \($0)" } ?? "")
                    try Self.insertEvent(
                        db,
                        noticeID: noticeID,
                        targetID: current.targetID,
                        time: time,
                        kind: "held",
                        detail: detail
                    )
                }
            }
            if current.kind == .escalation, let noticeID = current.noticeID {
                let detail =
                    current.rungStep.map { "rung \($0) drafted" + (folder.map { " in \($0)" } ?? "") }
                    ?? "no further rung on the plan"
                try Self.insertEvent(
                    db,
                    noticeID: noticeID,
                    targetID: current.targetID,
                    time: time,
                    kind: "escalated",
                    detail: detail
                )
            }
            try db.execute(
                sql: """
                    UPDATE watch_followup SET state = 'done', folder = ?, planId = ?, letterCount = ?, note = ?, doneAt = ?
                    WHERE id = ?
                    """,
                arguments: [folder, planID, letters.count, note, time, id]
            )
            guard let updated = try Row.fetchOne(db, sql: "SELECT * FROM watch_followup WHERE id = ?", arguments: [id])
            else { throw StoreError.inconsistent("follow-up \(id) vanished") }
            return Self.followUp(updated)
        }
    }

    private static func followUp(_ row: Row) -> FollowUpRecord {
        let state: String = row["state"]
        return FollowUpRecord(
            id: row["id"],
            key: row["key"],
            kind: FollowUpRecord.Kind(rawValue: row["kind"]) ?? .move,
            caseID: row["caseId"],
            targetID: row["targetId"],
            noticeID: row["noticeId"],
            checkID: row["checkId"],
            fromPlanID: row["fromPlanId"],
            rungStep: row["rungStep"],
            done: state == "done",
            folder: row["folder"],
            planID: row["planId"],
            letterCount: row["letterCount"],
            note: row["note"],
            createdAt: row["createdAt"],
            doneAt: row["doneAt"]
        )
    }
}
