public import Foundation
import GRDB
public import LongarmCore

extension LongarmStore {
    private static let captureEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Stores a capture, its exchanges and body objects, and appends its custody entry, in one transaction.
    ///
    /// The custody entry is `capture` on `capture:<id>` with the WARC file's digest.
    public func saveCapture(
        _ capture: EvidenceCapture,
        actor: String,
        time: Date = Date()
    ) throws -> (
        EvidenceCapture, CustodyEntry
    ) {
        try writer.writeWithoutTransaction { db in
            var result: (EvidenceCapture, CustodyEntry)?
            try db.inTransaction(.immediate) {
                var stored = capture
                try db.execute(
                    sql: """
                        INSERT INTO evidence_capture
                            (caseId, targetId, url, finalURL, capturedAt, warcFile, warcSHA256, json)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        capture.caseID, capture.targetID, capture.url, capture.finalURL, capture.capturedAt,
                        capture.warcFile, capture.warcSHA256, Data(),
                    ]
                )
                let id = db.lastInsertedRowID
                stored.id = id
                try db.execute(
                    sql: "UPDATE evidence_capture SET json = ? WHERE id = ?",
                    arguments: [try Self.captureEncoder.encode(stored), id]
                )
                for exchange in capture.exchanges {
                    try db.execute(
                        sql: """
                            INSERT INTO evidence_exchange (evidence_captureId, ordinal, url, status, primaryIP,
                                primaryPort, bodySHA256, bodySize, bodyTruncated)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            id, exchange.ordinal, exchange.url, exchange.status, exchange.primaryIP,
                            exchange.primaryPort, exchange.bodySHA256, exchange.bodySize, exchange.bodyTruncated,
                        ]
                    )
                    try db.execute(
                        sql: "INSERT INTO evidence_object (sha256, size, storedAt) VALUES (?, ?, ?) "
                            + "ON CONFLICT (sha256) DO NOTHING",
                        arguments: [exchange.bodySHA256, exchange.bodySize, CustodyEntry.timestamp(time)]
                    )
                }
                let entry = try Self.appendCustody(
                    db,
                    actor: actor,
                    action: "capture",
                    object: "capture:\(id)",
                    digest: capture.warcSHA256,
                    time: time
                )
                result = (stored, entry)
                return .commit
            }
            guard let result else { throw StoreError.inconsistent("capture insert produced no row") }
            return result
        }
    }

    /// The captures of a case, oldest first.
    public func captures(caseID: Int64) throws -> [EvidenceCapture] {
        let rows = try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM evidence_capture WHERE caseId = ? ORDER BY id",
                arguments: [caseID]
            )
        }
        return try rows.map(Self.capture)
    }

    /// The capture with `id`, or `nil`.
    public func capture(id: Int64) throws -> EvidenceCapture? {
        let row = try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM evidence_capture WHERE id = ?", arguments: [id])
        }
        return try row.map(Self.capture)
    }

    /// Stores a time-stamp token and appends its custody entry (`timestamp` on its subject) in one transaction.
    public func saveTimestamp(
        _ timestamp: EvidenceTimestamp,
        actor: String,
        time: Date = Date()
    ) throws
        -> EvidenceTimestamp
    {
        try writer.writeWithoutTransaction { db in
            var stored = timestamp
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql: """
                        INSERT INTO evidence_timestamp (caseId, subject, digest, tsaURL, response, requestedAt)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        timestamp.caseID, timestamp.subject, timestamp.digest, timestamp.tsaURL, timestamp.response,
                        timestamp.requestedAt,
                    ]
                )
                stored.id = db.lastInsertedRowID
                _ = try Self.appendCustody(
                    db,
                    actor: actor,
                    action: "timestamp",
                    object: "case:\(timestamp.caseID):\(timestamp.subject)",
                    digest: timestamp.digest,
                    time: time
                )
                return .commit
            }
            return stored
        }
    }

    /// The time-stamp tokens of a case, oldest first.
    public func timestamps(caseID: Int64) throws -> [EvidenceTimestamp] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM evidence_timestamp WHERE caseId = ? ORDER BY id",
                arguments: [caseID]
            ).map { row in
                EvidenceTimestamp(
                    id: row["id"],
                    caseID: row["caseId"],
                    subject: row["subject"],
                    digest: row["digest"],
                    tsaURL: row["tsaURL"],
                    response: row["response"],
                    requestedAt: row["requestedAt"]
                )
            }
        }
    }

    /// Tables that other modules keep per case or per target (plans, letters, re-checks …), whatever their
    /// names: every table with a `caseId` or `targetId` column except the case, target, profile and evidence
    /// tables themselves. Exporters bundle these without knowing their types.
    public func caseRecordTables() throws -> [String] {
        let own: Set<String> = [
            "case", "target", "profile", "evidence_capture", "evidence_exchange", "evidence_object",
            "evidence_timestamp", "custody", "grdb_migrations",
        ]
        return try writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .filter { !own.contains($0) && !$0.hasPrefix("sqlite_") }
                .filter { table in
                    // Plan fragments belong to a case through the plans that name them.
                    guard table != "plan_fragment" else { return true }
                    let columns = try db.columns(in: table).map(\.name)
                    return columns.contains("caseId") || columns.contains("targetId")
                }
        }
    }

    /// The rows of `table` that belong to case `caseID` (by `caseId`, or by `targetId` of one of its targets),
    /// in rowid order, each as column → text (numbers in decimal, blobs as UTF-8 or else base64).
    public func dumpRows(table: String, caseID: Int64) throws -> [[String: String]] {
        try writer.read { db in
            let columns = try db.columns(in: table).map(\.name)
            let rows: [Row]
            if table == "plan_fragment" {
                rows = try Row.fetchAll(db, sql: Self.caseFragmentsSQL, arguments: [caseID, caseID])
            } else {
                let filter =
                    columns.contains("caseId")
                    ? "caseId = ?" : "targetId IN (SELECT id FROM target WHERE caseId = ?)"
                rows = try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE \(filter) ORDER BY rowid",
                    arguments: [caseID]
                )
            }
            return rows.map { row in
                var out: [String: String] = [:]
                for column in columns {
                    let value: DatabaseValue = row[column]
                    switch value.storage {
                    case .null: continue
                    case .int64(let v): out[column] = String(v)
                    case .double(let v): out[column] = String(v)
                    case .string(let v): out[column] = v
                    case .blob(let v): out[column] = String(data: v, encoding: .utf8) ?? v.base64EncodedString()
                    }
                }
                return out
            }
        }
    }

    /// The fragments named by the plans of a case: the plan's own and each rung's (`fragment` in format 4,
    /// `frame` in format 5).
    private static let caseFragmentsSQL = """
        SELECT * FROM plan_fragment WHERE sha256 IN (
            SELECT coalesce(json_extract(CAST(p.json AS TEXT), '$.fragment'), json_extract(CAST(p.json AS TEXT), '$.frame'))
            FROM plan p JOIN target t ON t.id = p.targetId
            WHERE t.caseId = ? AND p.format IN (4, 5)
            UNION
            SELECT coalesce(json_extract(r.value, '$.fragment'), json_extract(r.value, '$.frame'))
            FROM plan p JOIN target t ON t.id = p.targetId, json_each(CAST(p.json AS TEXT), '$.rungs') r
            WHERE t.caseId = ? AND p.format IN (4, 5))
        ORDER BY sha256
        """

    private static func capture(_ row: Row) throws -> EvidenceCapture {
        let json: Data = row["json"]
        return try JSONDecoder().decode(EvidenceCapture.self, from: json)
    }
}
