public import Foundation
import GRDB
import LongarmCore

extension LongarmStore {
    /// One written letter file, as stored: which case, target and plan rung it serves, and its digest.
    public struct LetterRecord: Sendable, Hashable, Codable {
        /// The row's identifier; `nil` until stored.
        public var id: Int64?
        /// The case.
        public var caseID: Int64
        /// The target (the first, when one letter covers several URLs of the same party).
        public var targetID: Int64
        /// The plan row the rung came from, if known.
        public var planID: Int64?
        /// The rung's step on the plan's ladder.
        public var rungStep: Int
        /// The party addressed.
        public var party: String
        /// The channel kind (`email`, `web-form`, …).
        public var channel: String
        /// The letter's language (BCP 47; `zh-Hant+en` for a bilingual letter).
        public var language: String
        /// The file format (`txt`, `md`, `html`, `eml`, `form`).
        public var format: String
        /// Where the file was written.
        public var path: String
        /// The SHA-256 of the file, lower-case hex.
        public var sha256: String
        /// True when the letter was rendered with placeholders for missing data.
        public var draft: Bool
        /// When it was written.
        public var createdAt: Date

        /// Creates a record.
        public init(
            id: Int64? = nil,
            caseID: Int64,
            targetID: Int64,
            planID: Int64?,
            rungStep: Int,
            party: String,
            channel: String,
            language: String,
            format: String,
            path: String,
            sha256: String,
            draft: Bool,
            createdAt: Date
        ) {
            self.id = id
            self.caseID = caseID
            self.targetID = targetID
            self.planID = planID
            self.rungStep = rungStep
            self.party = party
            self.channel = channel
            self.language = language
            self.format = format
            self.path = path
            self.sha256 = sha256
            self.draft = draft
            self.createdAt = createdAt
        }
    }

    /// Stores letter records in one transaction and returns them with their identifiers.
    ///
    /// Each record gets a custody entry (`letter` on `letter:<id>`, digest the SHA-256 of the file) committed
    /// together with it: either every record and entry is stored or none.
    @discardableResult
    public func saveLetters(_ records: [LetterRecord], actor: String = "longarm") throws -> [LetterRecord] {
        guard !records.isEmpty else { return [] }
        return try writer.writeWithoutTransaction { db in
            var stored: [LetterRecord] = []
            stored.reserveCapacity(records.count)
            try db.inTransaction(.immediate) {
                let insert = try db.cachedStatement(
                    sql: """
                        INSERT INTO letter (caseId, targetId, planId, rungStep, party, channel, language, format,
                            path, sha256, draft, createdAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                )
                for record in records {
                    try insert.execute(arguments: [
                        record.caseID, record.targetID, record.planID, record.rungStep, record.party, record.channel,
                        record.language, record.format, record.path, record.sha256, record.draft, record.createdAt,
                    ])
                    let id = db.lastInsertedRowID
                    var row = record
                    row.id = id
                    _ = try Self.appendCustody(
                        db,
                        actor: actor,
                        action: "letter",
                        object: "letter:\(id)",
                        digest: record.sha256,
                        time: record.createdAt
                    )
                    stored.append(row)
                }
                return .commit
            }
            return stored
        }
    }

    /// The letters written for a case, oldest first.
    public func letters(caseID: Int64) throws -> [LetterRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM letter WHERE caseId = ? ORDER BY id", arguments: [caseID]).map {
                LetterRecord(
                    id: $0["id"],
                    caseID: $0["caseId"],
                    targetID: $0["targetId"],
                    planID: $0["planId"],
                    rungStep: $0["rungStep"],
                    party: $0["party"],
                    channel: $0["channel"],
                    language: $0["language"],
                    format: $0["format"],
                    path: $0["path"],
                    sha256: $0["sha256"],
                    draft: $0["draft"],
                    createdAt: $0["createdAt"]
                )
            }
        }
    }
}
