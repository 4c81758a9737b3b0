import Foundation
import GRDB
import LongarmCore

extension LongarmStore {
    /// The plan row with `id`, or `nil`.
    public func storedPlan(id: Int64) throws -> StoredPlan? {
        let row = try writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE id = ?", arguments: [id])
        }
        return try row.map(Self.planRow)
    }

    /// The newest plan of a target, or `nil` when it was never planned.
    public func latestPlan(targetID: Int64) throws -> StoredPlan? {
        let row = try writer.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT * FROM plan WHERE targetId = ? ORDER BY createdAt DESC, id DESC LIMIT 1",
                arguments: [targetID]
            )
        }
        return try row.map(Self.planRow)
    }

    /// The newest profile of a target, or `nil` when it was never resolved.
    public func latestProfile(targetID: Int64) throws -> StoredProfile? {
        let row = try writer.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT * FROM profile WHERE targetId = ? ORDER BY resolvedAt DESC, id DESC LIMIT 1",
                arguments: [targetID]
            )
        }
        return try row.map { row in
            let json: Data = row["json"]
            return StoredProfile(
                id: row["id"],
                targetID: row["targetId"],
                profile: try Self.jsonDecoder.decode(HostingProfile.self, from: json)
            )
        }
    }

    private static func planRow(_ row: Row) throws -> StoredPlan {
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
