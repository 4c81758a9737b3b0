import Foundation
import GRDB
public import LongarmCore

/// A case with the number of its targets, for listings.
public struct CaseSummary: Sendable, Hashable, Codable {
    public var caseFile: CaseFile
    public var targetCount: Int
}

/// What happened to one URL handed to ``LongarmStore/addTargets(_:)``.
public enum TargetInsertion: Sendable, Hashable {
    /// Stored as a new target.
    case added(Target)
    /// The case already holds this canonical URL; nothing was stored.
    case duplicate(of: Target)
}

extension LongarmStore {
    /// Stores a new case and returns it with its identifier.
    public func createCase(_ caseFile: CaseFile) throws -> CaseFile {
        try writer.write { db in
            var stored = caseFile
            try db.execute(
                sql: """
                    INSERT INTO "case" (holder, kind, holderCountry, title, work, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    caseFile.holder, caseFile.kind.rawValue, caseFile.holderCountry?.rawValue, caseFile.title,
                    caseFile.work, caseFile.createdAt,
                ]
            )
            stored.id = db.lastInsertedRowID
            try Self.writeParticulars(caseFile.particulars, caseID: db.lastInsertedRowID, db: db)
            return stored
        }
    }

    /// The case with `id`, or `nil`.
    public func caseFile(id: Int64) throws -> CaseFile? {
        try writer.read { db in
            try Row.fetchOne(db, sql: #"SELECT * FROM "case" WHERE id = ?"#, arguments: [id]).map(CaseFile.init(row:))
        }
    }

    /// All cases, oldest first, with their target counts.
    public func caseSummaries() throws -> [CaseSummary] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: #"""
                    SELECT c.*, (SELECT COUNT(*) FROM target t WHERE t.caseId = c.id) AS targetCount
                    FROM "case" c ORDER BY c.id
                    """#
            )
            return try rows.map { CaseSummary(caseFile: try CaseFile(row: $0), targetCount: $0["targetCount"]) }
        }
    }

    /// The targets of a case, in the order they were added.
    public func targets(caseID: Int64) throws -> [Target] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT \(Target.columns) FROM target WHERE caseId = ? ORDER BY id",
                arguments: [caseID]
            )
            var targets: [Target] = []
            while let row = try rows.next() { targets.append(try Target(columns: row)) }
            return targets
        }
    }

    /// The target with `id`, or `nil`.
    public func target(id: Int64) throws -> Target? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM target WHERE id = ?", arguments: [id]).map(Target.init(row:))
        }
    }

    /// Adds targets in one transaction; a canonical URL the case already holds is reported, not stored again.
    ///
    /// Either every new target is stored or, on a database error, none is: the batch is one transaction.
    public func addTargets(_ targets: [Target]) throws -> [TargetInsertion] {
        try writer.write { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO target
                        (caseId, submittedURL, canonicalURL, host, registrableDomain, kind, note, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (caseId, canonicalURL) DO NOTHING
                    """
            )
            let existing = try db.cachedStatement(
                sql: "SELECT * FROM target WHERE caseId = ? AND canonicalURL = ?"
            )
            var results: [TargetInsertion] = []
            results.reserveCapacity(targets.count)
            // A batch shares one creation time; formatting a date is the costliest part of an insert, so do it once.
            var lastDate: (date: Date, value: DatabaseValue)? = nil
            for target in targets {
                if lastDate?.date != target.createdAt {
                    lastDate = (target.createdAt, target.createdAt.databaseValue)
                }
                // The statement is ours and the count is right: skip GRDB's per-call argument validation.
                insert.setUncheckedArguments([
                    target.caseID, target.submittedURL, target.canonicalURL, target.host, target.registrableDomain,
                    target.kind?.rawValue, target.note, lastDate?.value,
                ])
                try insert.execute()
                if db.changesCount == 1 {
                    var stored = target
                    stored.id = db.lastInsertedRowID
                    results.append(.added(stored))
                } else {
                    let row = try Row.fetchOne(existing, arguments: [target.caseID, target.canonicalURL])
                    guard let row else { throw StoreError.inconsistent("target vanished during insert") }
                    results.append(.duplicate(of: try Target(row: row)))
                }
            }
            return results
        }
    }
}

extension CaseFile {
    init(row: Row) throws {
        let kindText: String = row["kind"]
        guard let kind = InfringementKind(rawValue: kindText) else {
            throw StoreError.inconsistent("case \(row["id"] as Int64) has unknown kind \"\(kindText)\"")
        }
        let country: String? = row["holderCountry"]
        self.init(
            id: row["id"],
            holder: row["holder"],
            kind: kind,
            holderCountry: country.flatMap(CountryCode.init(lenient:)),
            title: row["title"],
            work: row["work"],
            createdAt: row["createdAt"],
            particulars: LetterParticulars(row: row)
        )
    }
}

extension Target {
    /// The columns ``init(columns:)`` reads, in its order: a case of 100,000 targets is read without looking each
    /// column up by name in every row.
    static let columns = "id, caseId, submittedURL, canonicalURL, host, registrableDomain, kind, note, createdAt"

    /// A target from a row of ``columns``.
    init(columns row: Row) throws {
        let kindText: String? = row[6]
        self.init(
            id: row[0],
            caseID: row[1],
            submittedURL: row[2],
            canonicalURL: row[3],
            host: row[4],
            registrableDomain: row[5],
            kind: kindText.flatMap(InfringementKind.init(rawValue:)),
            note: row[7],
            createdAt: try Self.date(row[8])
        )
    }

    /// A stored date, read by hand in the form the store writes dates in; anything else as GRDB reads it.
    private static func date(_ value: DatabaseValue) throws -> Date {
        if case .string(let text) = value.storage, let date = StoreDate.date(text) { return date }
        guard let date = Date.fromDatabaseValue(value) else {
            throw StoreError.inconsistent("a target's createdAt is not a date: \(value)")
        }
        return date
    }

    init(row: Row) throws {
        let kindText: String? = row["kind"]
        self.init(
            id: row["id"],
            caseID: row["caseId"],
            submittedURL: row["submittedURL"],
            canonicalURL: row["canonicalURL"],
            host: row["host"],
            registrableDomain: row["registrableDomain"],
            kind: kindText.flatMap(InfringementKind.init(rawValue:)),
            note: row["note"],
            createdAt: row["createdAt"]
        )
    }
}
