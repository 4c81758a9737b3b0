import Crypto
public import Foundation
import GRDB
public import LongarmCore

extension LongarmStore {
    /// Appends an entry to the chain-of-custody log and returns it.
    ///
    /// The append reads the last entry and writes the new one in one immediate transaction, so concurrent
    /// appends (threads or processes) queue up behind SQLite's write lock and never fork the chain.
    ///
    /// - Parameters:
    ///   - actor: who acts, e.g. `longarm/0.1.0` or `resolve`.
    ///   - action: what is done: `capture`, `resolve`, `plan`, `letter`, `recheck`, `export` …
    ///   - object: what it is done to: `capture:12`, `target:4`, `letter:7` …
    ///   - digest: SHA-256 (hex) of the object's bytes, or `""` when there are none.
    ///   - time: when; defaults to now.
    @discardableResult
    public func appendCustody(
        actor: String,
        action: String,
        object: String,
        digest: String,
        time: Date = Date()
    ) throws -> CustodyEntry {
        try writer.writeWithoutTransaction { db in
            var appended: CustodyEntry?
            try db.inTransaction(.immediate) {
                appended = try Self.appendCustody(
                    db,
                    actor: actor,
                    action: action,
                    object: object,
                    digest: digest,
                    time: time
                )
                return .commit
            }
            guard let appended else { throw StoreError.inconsistent("custody append produced no entry") }
            return appended
        }
    }

    /// Appends inside a transaction the caller already holds (so a record and its custody entry commit together).
    static func appendCustody(
        _ db: Database,
        actor: String,
        action: String,
        object: String,
        digest: String,
        time: Date
    ) throws -> CustodyEntry {
        var cursor = try CustodyCursor(db)
        return try cursor.append(db, actor: actor, action: action, object: object, digest: digest, time: time)
    }

    /// The end of the custody chain inside a write transaction: appending many entries reads the last one once
    /// and reuses prepared inserts and one hashing buffer, instead of a query and a statement compilation per entry.
    struct CustodyCursor {
        /// The sequence number of the last entry (0 when the log is empty).
        private(set) var seq: Int64
        /// The chain hash of the last entry: the next entry's `prev`.
        private(set) var prev: String
        private var timeText: (date: Date, text: String)?
        private var canonical: [UInt8] = []

        /// Reads the end of the chain; valid only while the caller's transaction holds the write lock.
        init(_ db: Database) throws {
            let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1")
            seq = last?["seq"] ?? 0
            prev = last?["hash"] ?? CustodyEntry.genesisPrev
        }

        /// Appends the next entry and moves the cursor past it.
        mutating func append(
            _ db: Database,
            actor: String,
            action: String,
            object: String,
            digest: String,
            time: Date
        ) throws -> CustodyEntry {
            let entry = next(actor: actor, action: action, object: object, digest: digest, time: time)
            try insert([entry.entry][...], hashes: [entry.hash][...], db)
            return entry.entry
        }

        /// Appends one entry per `(object, digest)`, in order, all by `actor` doing `action` at `time`, with up to
        /// ``entriesPerInsert`` rows to an `INSERT`; the trigger still checks every link.
        mutating func append(
            _ db: Database,
            actor: String,
            action: String,
            objects: [(object: String, digest: String)],
            time: Date
        ) throws {
            var entries: [CustodyEntry] = []
            var hashes: [String] = []
            entries.reserveCapacity(objects.count)
            hashes.reserveCapacity(objects.count)
            for item in objects {
                let next = next(actor: actor, action: action, object: item.object, digest: item.digest, time: time)
                entries.append(next.entry)
                hashes.append(next.hash)
            }
            for start in stride(from: 0, to: entries.count, by: Self.entriesPerInsert) {
                let end = min(start + Self.entriesPerInsert, entries.count)
                try insert(entries[start..<end], hashes: hashes[start..<end], db)
            }
        }

        /// The entry after the cursor and its chain hash; moves the cursor past it.
        private mutating func next(
            actor: String,
            action: String,
            object: String,
            digest: String,
            time: Date
        ) -> (entry: CustodyEntry, hash: String) {
            // A batch shares one time: format it once.
            let text: String
            if let cached = timeText, cached.date == time {
                text = cached.text
            } else {
                text = CustodyEntry.timestamp(time)
                timeText = (time, text)
            }
            let entry = CustodyEntry(
                seq: seq + 1,
                time: text,
                actor: actor,
                action: action,
                object: object,
                digest: digest,
                prev: prev
            )
            canonical.removeAll(keepingCapacity: true)
            entry.appendCanonicalBytes(to: &canonical)
            let hash = SHA256.hash(data: canonical).hexString
            seq = entry.seq
            prev = hash
            return (entry, hash)
        }

        /// Custody rows per `INSERT` when appending many.
        static let entriesPerInsert = 64

        private static let columns = ["seq", "time", "actor", "action", "object", "digest", "prev", "hash"]

        private func insert(_ entries: ArraySlice<CustodyEntry>, hashes: ArraySlice<String>, _ db: Database) throws {
            let statement = try db.cachedStatement(
                sql: StatementBinder.insertSQL(into: "custody", columns: Self.columns, rows: entries.count)
            )
            var binder = StatementBinder(statement)
            for (entry, hash) in zip(entries, hashes) {
                try binder.bind(entry.seq)
                try binder.bind(entry.time)
                try binder.bind(entry.actor)
                try binder.bind(entry.action)
                try binder.bind(entry.object)
                try binder.bind(entry.digest)
                try binder.bind(entry.prev)
                try binder.bind(hash)
            }
            try binder.execute()
        }
    }

    /// The whole custody log, in order, each entry with the hash stored beside it when it was written.
    public func custodyLog() throws -> [(entry: CustodyEntry, storedHash: String)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM custody ORDER BY seq").map { row in
                let entry = CustodyEntry(
                    seq: row["seq"],
                    time: row["time"],
                    actor: row["actor"],
                    action: row["action"],
                    object: row["object"],
                    digest: row["digest"],
                    prev: row["prev"]
                )
                return (entry, row["hash"])
            }
        }
    }
}

extension CustodyEntry {
    /// SHA-256 (hex) of ``canonicalSerialization``: the next entry's `prev`.
    public var chainHash: String {
        SHA256.hash(data: canonicalBytes).hexString
    }
}
