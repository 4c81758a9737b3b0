import Crypto
public import Foundation
import GRDB
public import LongarmCore

extension LongarmStore {
    /// A stored hosting profile and the row that holds it.
    public struct StoredProfile: Sendable, Hashable {
        /// The profile row's identifier.
        public var id: Int64
        /// The target it describes.
        public var targetID: Int64
        /// The profile as resolved.
        public var profile: HostingProfile
    }

    /// Stores a new profile for a target, earlier profiles kept as history, and appends its custody entry in
    /// the same transaction: `resolve` on `target:<id>/profile:<id>`, with the SHA-256 of the stored JSON.
    @discardableResult
    public func saveProfile(
        _ profile: HostingProfile,
        targetID: Int64,
        actor: String = "longarm",
        time: Date = Date()
    ) throws -> StoredProfile {
        try saveProfiles([(profile, targetID)], actor: actor, time: time)[0]
    }

    /// Stores profiles as ``saveProfile(_:targetID:actor:time:)`` does, each with its custody entry, in transactions
    /// of up to ``profilesPerTransaction``: a failure keeps the transactions already committed and none of the
    /// one that failed. The JSON is encoded and hashed before the write lock is taken.
    @discardableResult
    public func saveProfiles(
        _ profiles: [(profile: HostingProfile, targetID: Int64)],
        actor: String = "longarm",
        time: Date = Date()
    ) throws -> [StoredProfile] {
        var stored: [StoredProfile] = []
        stored.reserveCapacity(profiles.count)
        for start in stride(from: 0, to: profiles.count, by: Self.profilesPerTransaction) {
            let chunk = profiles[start..<min(start + Self.profilesPerTransaction, profiles.count)]
            let encoded = try chunk.map { item in
                let json = try Self.jsonEncoder.encode(item.profile)
                return (item, json, SHA256.hash(data: json).hexString)
            }
            stored += try writer.writeWithoutTransaction { db in
                var rows: [StoredProfile] = []
                try db.inTransaction(.immediate) {
                    rows = []
                    var cursor = try CustodyCursor(db)
                    let insert = try db.cachedStatement(
                        sql: "INSERT INTO profile (targetId, json, resolvedAt) VALUES (?, ?, ?)"
                    )
                    for (item, json, digest) in encoded {
                        try insert.execute(arguments: [item.targetID, json, item.profile.resolvedAt])
                        let id = db.lastInsertedRowID
                        _ = try cursor.append(
                            db,
                            actor: actor,
                            action: "resolve",
                            object: "target:\(item.targetID)/profile:\(id)",
                            digest: digest,
                            time: time
                        )
                        rows.append(StoredProfile(id: id, targetID: item.targetID, profile: item.profile))
                    }
                    return .commit
                }
                return rows
            }
        }
        return stored
    }

    /// Profiles stored per transaction by ``saveProfiles(_:actor:time:)``.
    public static let profilesPerTransaction = 1_000

    /// The JSON a profile is stored as, whose SHA-256 its custody entry records.
    public func storedProfileJSON(id: Int64) throws -> Data? {
        try writer.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM profile WHERE id = ?", arguments: [id])
        }
    }

    /// The newest profile of each target of a case, keyed by target id; targets never resolved are absent.
    public func latestProfiles(caseID: Int64) throws -> [Int64: StoredProfile] {
        let rows = try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM profile p JOIN target t ON t.id = p.targetId
                    WHERE t.caseId = ? AND p.id = (
                        SELECT p2.id FROM profile p2 WHERE p2.targetId = p.targetId
                        ORDER BY p2.resolvedAt DESC, p2.id DESC LIMIT 1)
                    """,
                arguments: [caseID]
            )
        }
        var result: [Int64: StoredProfile] = [:]
        for row in rows {
            let stored = try Self.storedProfile(row)
            result[stored.targetID] = stored
        }
        return result
    }

    /// Every profile of a target, oldest first.
    public func profileHistory(targetID: Int64) throws -> [StoredProfile] {
        let rows = try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM profile WHERE targetId = ? ORDER BY resolvedAt, id",
                arguments: [targetID]
            )
        }
        return try rows.map(Self.storedProfile)
    }

    private static func storedProfile(_ row: Row) throws -> StoredProfile {
        let json: Data = row["json"]
        return StoredProfile(
            id: row["id"],
            targetID: row["targetId"],
            profile: try jsonDecoder.decode(HostingProfile.self, from: json)
        )
    }
}
