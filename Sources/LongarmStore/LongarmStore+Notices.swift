public import Foundation
import GRDB
import LongarmCore

extension LongarmStore {
    /// A notice sent to one party on a target's plan, and where it stands.
    public struct NoticeRecord: Sendable, Hashable, Codable {
        /// Where a notice stands.
        public enum State: String, Sendable, Hashable, Codable {
            /// Sent; the party's deadline has not passed or not been judged yet.
            case open
            /// The deadline passed with the content still up: the next rung was drafted.
            case due
            /// The hosting changed before the deadline was judged: the notice is held, the target re-planned.
            case held
            /// An outcome was recorded.
            case closed
        }

        /// The row's identifier; `nil` until stored.
        public var id: Int64?
        public var caseID: Int64
        public var targetID: Int64
        /// The plan whose rung the notice serves.
        public var planID: Int64?
        public var rungStep: Int
        /// The rung's role (`origin-host`, `registrar` …).
        public var role: String
        /// The party addressed.
        public var party: String
        public var sentAt: Date
        /// How it was sent (`email`, `web-form` …), as the user said.
        public var via: String?
        /// The message's identifier (a `Message-ID`, a ticket number).
        public var messageID: String?
        /// When the party's deadline passes; `nil` when none is known.
        public var dueAt: Date?
        /// The deadline in words, as the plan gave it (`48 hours`, or the default used).
        public var deadline: String?
        public var state: State
        /// `removed`, `refused`, `no-reply` or `partial`, once recorded.
        public var outcome: String?
        public var outcomeAt: Date?

        /// Creates a record.
        public init(
            id: Int64? = nil,
            caseID: Int64,
            targetID: Int64,
            planID: Int64?,
            rungStep: Int,
            role: String,
            party: String,
            sentAt: Date,
            via: String?,
            messageID: String?,
            dueAt: Date?,
            deadline: String?,
            state: State = .open,
            outcome: String? = nil,
            outcomeAt: Date? = nil
        ) {
            self.id = id
            self.caseID = caseID
            self.targetID = targetID
            self.planID = planID
            self.rungStep = rungStep
            self.role = role
            self.party = party
            self.sentAt = sentAt
            self.via = via
            self.messageID = messageID
            self.dueAt = dueAt
            self.deadline = deadline
            self.state = state
            self.outcome = outcome
            self.outcomeAt = outcomeAt
        }
    }

    /// Something that happened to a notice: sent, a reply, an outcome, its deadline judged.
    public struct NoticeEvent: Sendable, Hashable, Codable {
        public var id: Int64?
        public var noticeID: Int64
        public var targetID: Int64
        public var time: Date
        /// `sent`, `reply`, `outcome`, `due`, `held`, `escalated`, `gone`.
        public var kind: String
        public var detail: String?

        /// Creates an event.
        public init(id: Int64? = nil, noticeID: Int64, targetID: Int64, time: Date, kind: String, detail: String?) {
            self.id = id
            self.noticeID = noticeID
            self.targetID = targetID
            self.time = time
            self.kind = kind
            self.detail = detail
        }
    }

    /// Stores a sent notice and its `sent` event; the same target, plan, rung and time is stored once.
    ///
    /// - Returns: the stored notice, or the one stored before with the same key.
    public func recordNotice(_ notice: NoticeRecord) throws -> NoticeRecord {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO notice (caseId, targetId, planId, rungStep, role, party, sentAt, via, messageId, dueAt,
                        deadline, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')
                    ON CONFLICT (targetId, planId, rungStep, sentAt) DO NOTHING
                    """,
                arguments: [
                    notice.caseID, notice.targetID, notice.planID, notice.rungStep, notice.role, notice.party,
                    notice.sentAt, notice.via, notice.messageID, notice.dueAt, notice.deadline,
                ]
            )
            if db.changesCount == 1 {
                let id = db.lastInsertedRowID
                let via = [notice.via.map { "via \($0)" }, notice.messageID.map { "message \($0)" }]
                let detail = (["rung \(notice.rungStep) \(notice.role): \(notice.party)"] + via.compactMap(\.self))
                    .joined(separator: "; ")
                try Self.insertEvent(
                    db,
                    noticeID: id,
                    targetID: notice.targetID,
                    time: notice.sentAt,
                    kind: "sent",
                    detail: detail
                )
            }
            let row = try Row.fetchOne(
                db,
                sql: "SELECT * FROM notice WHERE targetId = ? AND planId IS ? AND rungStep = ? AND sentAt = ?",
                arguments: [notice.targetID, notice.planID, notice.rungStep, notice.sentAt]
            )
            guard let row else { throw StoreError.inconsistent("notice vanished during insert") }
            return try Self.noticeRecord(row)
        }
    }

    /// Adds an event to a notice, optionally moving it to `state` and recording an outcome, in one transaction.
    public func addNoticeEvent(
        noticeID: Int64,
        kind: String,
        time: Date,
        detail: String?,
        state: NoticeRecord.State? = nil,
        outcome: String? = nil
    ) throws {
        try writer.write { db in
            guard
                let targetID = try Int64.fetchOne(
                    db,
                    sql: "SELECT targetId FROM notice WHERE id = ?",
                    arguments: [noticeID]
                )
            else { throw StoreError.inconsistent("notice \(noticeID) does not exist") }
            try Self.insertEvent(db, noticeID: noticeID, targetID: targetID, time: time, kind: kind, detail: detail)
            if let state {
                try db.execute(sql: "UPDATE notice SET state = ? WHERE id = ?", arguments: [state.rawValue, noticeID])
            }
            if let outcome {
                try db.execute(
                    sql: "UPDATE notice SET outcome = ?, outcomeAt = ? WHERE id = ?",
                    arguments: [outcome, time, noticeID]
                )
            }
        }
    }

    /// The notices of a target, oldest first.
    public func notices(targetID: Int64) throws -> [NoticeRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM notice WHERE targetId = ? ORDER BY sentAt, id",
                arguments: [targetID]
            )
            .map(Self.noticeRecord)
        }
    }

    /// The notices of a case, by target then time.
    public func notices(caseID: Int64) throws -> [NoticeRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM notice WHERE caseId = ? ORDER BY targetId, sentAt, id",
                arguments: [caseID]
            ).map(Self.noticeRecord)
        }
    }

    /// The notice with `id`, or `nil`.
    public func notice(id: Int64) throws -> NoticeRecord? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM notice WHERE id = ?", arguments: [id]).map(Self.noticeRecord)
        }
    }

    /// Open notices whose deadline has passed at `time`, oldest deadline first.
    public func openNoticesPastDeadline(at time: Date) throws -> [NoticeRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM notice WHERE state = 'open' AND dueAt <= ? ORDER BY dueAt, id",
                arguments: [time]
            ).map(Self.noticeRecord)
        }
    }

    /// The earliest deadline of an open notice, or `nil`.
    public func nextNoticeDeadline() throws -> Date? {
        try writer.read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(dueAt) FROM notice WHERE state = 'open'")
        }
    }

    /// The events of a target's notices, oldest first.
    public func noticeEvents(targetID: Int64) throws -> [NoticeEvent] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM notice_event WHERE targetId = ? ORDER BY time, id",
                arguments: [targetID]
            ).map(Self.noticeEvent)
        }
    }

    static func insertEvent(
        _ db: Database,
        noticeID: Int64,
        targetID: Int64,
        time: Date,
        kind: String,
        detail: String?
    ) throws {
        try db.execute(
            sql: "INSERT INTO notice_event (noticeId, targetId, time, kind, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [noticeID, targetID, time, kind, detail]
        )
    }

    static func noticeRecord(_ row: Row) throws -> NoticeRecord {
        let stateText: String = row["state"]
        guard let state = NoticeRecord.State(rawValue: stateText) else {
            throw StoreError.inconsistent("notice \(row["id"] as Int64) has unknown state \"\(stateText)\"")
        }
        return NoticeRecord(
            id: row["id"],
            caseID: row["caseId"],
            targetID: row["targetId"],
            planID: row["planId"],
            rungStep: row["rungStep"],
            role: row["role"],
            party: row["party"],
            sentAt: row["sentAt"],
            via: row["via"],
            messageID: row["messageId"],
            dueAt: row["dueAt"],
            deadline: row["deadline"],
            state: state,
            outcome: row["outcome"],
            outcomeAt: row["outcomeAt"]
        )
    }

    private static func noticeEvent(_ row: Row) -> NoticeEvent {
        NoticeEvent(
            id: row["id"],
            noticeID: row["noticeId"],
            targetID: row["targetId"],
            time: row["time"],
            kind: row["kind"],
            detail: row["detail"]
        )
    }
}
