import GRDB
public import LongarmCore

extension LongarmStore {
    /// Targets that have no profile yet (stored but never resolved), oldest first.
    ///
    /// The service's resolution worker takes its work from here, so a target submitted just before a crash is
    /// still resolved after the restart: the queue is the database, not memory.
    /// - Parameters:
    ///   - limit: the most targets to return.
    ///   - excluding: target ids to skip (already being resolved in this process).
    public func unresolvedTargets(limit: Int, excluding: Set<Int64> = []) throws -> [Target] {
        guard limit > 0 else { return [] }
        return try writer.read { db in
            // Fetch a little more than asked so that a few excluded ids do not starve the batch.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.* FROM target t
                    WHERE NOT EXISTS (SELECT 1 FROM profile p WHERE p.targetId = t.id)
                    ORDER BY t.id LIMIT ?
                    """,
                arguments: [limit + excluding.count]
            )
            var targets: [Target] = []
            for row in rows {
                let target = try Target(row: row)
                if let id = target.id, excluding.contains(id) { continue }
                targets.append(target)
                if targets.count == limit { break }
            }
            return targets
        }
    }

    /// How many targets have no profile yet.
    public func unresolvedTargetCount() throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM target t WHERE NOT EXISTS (SELECT 1 FROM profile p WHERE p.targetId = t.id)"
            ) ?? 0
        }
    }

    /// How many cases and targets the store holds, for the service's health and metrics.
    public func counts() throws -> (cases: Int, targets: Int) {
        try writer.read { db in
            let cases = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"case\"") ?? 0
            let targets = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM target") ?? 0
            return (cases, targets)
        }
    }
}
