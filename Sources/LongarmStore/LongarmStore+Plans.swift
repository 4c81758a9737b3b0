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
        /// The plan as stored: JSON with sorted keys and ISO 8601 dates.
        public var json: Data
        /// SHA-256 of ``json``, lower-case hex: the digest of the plan's custody entry.
        public var sha256: String

        /// Encodes `plan` the way the store keeps it and hashes the bytes.
        public init(_ plan: NoticePlan, targetID: Int64, profileID: Int64) throws {
            self.plan = plan
            self.targetID = targetID
            self.profileID = profileID
            self.json = LongarmStore.planJSON(plan)
            self.sha256 = SHA256.hash(data: json).hexString
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
        let prepared = try PreparedPlan(plan, targetID: targetID, profileID: profileID)
        return try savePlans([prepared], createdAt: createdAt, actor: actor)[0]
    }

    /// Stores plans in one transaction, each with a custody entry (`plan` on `plan:<id>`, digest the SHA-256
    /// of the stored JSON) committed together with it: either every plan and entry is stored or none.
    @discardableResult
    public func savePlans(
        _ plans: [PreparedPlan],
        createdAt: Date = Date(),
        actor: String = "longarm"
    ) throws -> [StoredPlan] {
        guard !plans.isEmpty else { return [] }
        return try writer.writeWithoutTransaction { db in
            var stored: [StoredPlan] = []
            stored.reserveCapacity(plans.count)
            try db.inTransaction(.immediate) {
                let insert = try db.cachedStatement(
                    sql: "INSERT INTO plan (targetId, profileId, json, createdAt) VALUES (?, ?, ?, ?)"
                )
                for prepared in plans {
                    try insert.execute(arguments: [prepared.targetID, prepared.profileID, prepared.json, createdAt])
                    let id = db.lastInsertedRowID
                    _ = try Self.appendCustody(
                        db,
                        actor: actor,
                        action: "plan",
                        object: "plan:\(id)",
                        digest: prepared.sha256,
                        time: createdAt
                    )
                    stored.append(
                        StoredPlan(
                            id: id,
                            targetID: prepared.targetID,
                            profileID: prepared.profileID,
                            createdAt: createdAt,
                            plan: prepared.plan
                        )
                    )
                }
                return .commit
            }
            return stored
        }
    }

    /// The newest plan of each target of a case, keyed by target id; targets never planned are absent.
    public func latestPlans(caseID: Int64) throws -> [Int64: StoredPlan] {
        let rows = try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM plan p JOIN target t ON t.id = p.targetId
                    WHERE t.caseId = ? AND p.id = (
                        SELECT p2.id FROM plan p2 WHERE p2.targetId = p.targetId
                        ORDER BY p2.createdAt DESC, p2.id DESC LIMIT 1)
                    """,
                arguments: [caseID]
            )
        }
        var result: [Int64: StoredPlan] = [:]
        for row in rows {
            let stored = try Self.storedPlan(row)
            result[stored.targetID] = stored
        }
        return result
    }

    /// The newest stored profile of each target of a case as the planner reads it, keyed by target id: the profile
    /// row's id and its JSON, undecoded, so that the caller can decode many on several threads.
    public func latestProfileDocuments(caseID: Int64) throws -> [Int64: (profileID: Int64, json: Data)] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.id, p.targetId, p.json FROM profile p JOIN target t ON t.id = p.targetId
                    WHERE t.caseId = ? AND p.id = (
                        SELECT p2.id FROM profile p2 WHERE p2.targetId = p.targetId
                        ORDER BY p2.resolvedAt DESC, p2.id DESC LIMIT 1)
                    """,
                arguments: [caseID]
            )
            var result: [Int64: (profileID: Int64, json: Data)] = [:]
            while let row = try rows.next() {
                result[row[1]] = (row[0], row[2])
            }
            return result
        }
    }

    /// Decodes a profile document from ``latestProfileDocuments(caseID:)``; safe to call from any thread.
    public static func decodeProfile(_ json: Data) throws -> HostingProfile {
        try jsonDecoder.decode(HostingProfile.self, from: json)
    }

    /// The stored JSON of plan `id` (the bytes its custody entry's digest covers), or `nil`.
    public func planJSON(id: Int64) throws -> Data? {
        try writer.read { db in try Data.fetchOne(db, sql: "SELECT json FROM plan WHERE id = ?", arguments: [id]) }
    }

    private static func storedPlan(_ row: Row) throws -> StoredPlan {
        let json: Data = row["json"]
        return StoredPlan(
            id: row["id"],
            targetID: row["targetId"],
            profileID: row["profileId"],
            createdAt: row["createdAt"],
            plan: try jsonDecoder.decode(NoticePlan.self, from: json)
        )
    }
}

extension Digest {
    /// The digest as lower-case hex.
    fileprivate var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(Self.byteCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
