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
        let json = try Self.jsonEncoder.encode(profile)
        let digest = SHA256.hash(data: json).map { String(format: "%02x", $0) }.joined()
        return try writer.writeWithoutTransaction { db in
            var stored: StoredProfile?
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql: "INSERT INTO profile (targetId, json, resolvedAt) VALUES (?, ?, ?)",
                    arguments: [targetID, json, profile.resolvedAt]
                )
                let id = db.lastInsertedRowID
                _ = try Self.appendCustody(
                    db,
                    actor: actor,
                    action: "resolve",
                    object: "target:\(targetID)/profile:\(id)",
                    digest: digest,
                    time: time
                )
                stored = StoredProfile(id: id, targetID: targetID, profile: profile)
                return .commit
            }
            guard let stored else { throw StoreError.inconsistent("profile insert produced no row") }
            return stored
        }
    }

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
