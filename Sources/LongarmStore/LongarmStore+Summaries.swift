public import Foundation
import GRDB

extension LongarmStore {
    /// The newest stored profile of one target, decoded as a caller's summary type. (Plans have no such
    /// shortcut: a plan row names shared frames, so plans are read whole through ``latestPlans(caseID:targetIDs:)``.)
    public struct LatestValue<Value: Sendable>: Sendable {
        /// The row's identifier.
        public var id: Int64
        /// The target it belongs to.
        public var targetID: Int64
        /// When it was resolved.
        public var time: Date
        /// The stored JSON decoded as the caller's type.
        public var value: Value
    }

    /// The newest profile of each target of a case, decoded as `Summary`: a type that declares only the fields it
    /// reads decodes several times faster than a whole `HostingProfile`, which matters when a case has many targets.
    public func latestProfiles<Summary: Decodable & Sendable>(
        caseID: Int64,
        as type: Summary.Type,
        targetIDs: Set<Int64>? = nil
    ) throws -> [Int64: LatestValue<Summary>] {
        try latest(table: "profile", time: "resolvedAt", caseID: caseID, targetIDs: targetIDs, as: type)
    }

    private func latest<Summary: Decodable & Sendable>(
        table: String,
        time: String,
        caseID: Int64,
        targetIDs: Set<Int64>?,
        as type: Summary.Type
    ) throws -> [Int64: LatestValue<Summary>] {
        // `table` and `time` are ours, never input.
        let rows = try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT x.* FROM \(table) x JOIN target t ON t.id = x.targetId
                    WHERE t.caseId = ? AND x.id = (
                        SELECT x2.id FROM \(table) x2 WHERE x2.targetId = x.targetId
                        ORDER BY x2.\(time) DESC, x2.id DESC LIMIT 1)
                    """,
                arguments: [caseID]
            )
        }
        var result: [Int64: LatestValue<Summary>] = [:]
        for row in rows {
            let targetID: Int64 = row["targetId"]
            if let targetIDs, !targetIDs.contains(targetID) { continue }
            let json: Data = row["json"]
            result[targetID] = LatestValue(
                id: row["id"],
                targetID: targetID,
                time: row[time],
                value: try Self.jsonDecoder.decode(Summary.self, from: json)
            )
        }
        return result
    }
}
