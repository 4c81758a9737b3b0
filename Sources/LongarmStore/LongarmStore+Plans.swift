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

    /// Stores a plan for a target; earlier plans are kept as history.
    @discardableResult
    public func savePlan(
        _ plan: NoticePlan,
        targetID: Int64,
        profileID: Int64,
        createdAt: Date = Date()
    ) throws -> StoredPlan {
        let json = try Self.jsonEncoder.encode(plan)
        return try writer.write { db in
            try db.execute(
                sql: "INSERT INTO plan (targetId, profileId, json, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [targetID, profileID, json, createdAt]
            )
            return StoredPlan(
                id: db.lastInsertedRowID,
                targetID: targetID,
                profileID: profileID,
                createdAt: createdAt,
                plan: plan
            )
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
