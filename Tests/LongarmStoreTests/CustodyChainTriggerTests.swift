import Foundation
import GRDB
import LongarmCore
import Testing

@testable import LongarmStore

/// The database itself refuses a custody entry that does not follow the last one, and the migration that brought
/// the rule in keeps an existing chain as it was.
@Suite struct CustodyChainTriggerTests {
    @Test func anEntryThatDoesNotLinkToTheLastOneIsRefused() throws {
        let store = try LongarmStore.inMemory()
        let first = try store.appendCustody(actor: "t", action: "capture", object: "capture:1", digest: "aa")
        let second = try store.appendCustody(actor: "t", action: "resolve", object: "target:1", digest: "")
        // A branch from the first entry (a fork), a gap in the sequence, and a reused number: each is refused.
        let fork = CustodyEntry(
            seq: 3,
            time: second.time,
            actor: "x",
            action: "plan",
            object: "p",
            digest: "",
            prev: first.chainHash
        )
        let gap = CustodyEntry(
            seq: 4,
            time: second.time,
            actor: "x",
            action: "plan",
            object: "p",
            digest: "",
            prev: second.chainHash
        )
        for entry in [fork, gap] {
            #expect(throws: DatabaseError.self) {
                try store.writer.write { db in
                    try db.execute(
                        sql: "INSERT INTO custody (seq, time, actor, action, object, digest, prev, hash) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            entry.seq, entry.time, entry.actor, entry.action, entry.object, entry.digest,
                            entry.prev, entry.chainHash,
                        ]
                    )
                }
            }
        }
        #expect(try store.custodyLog().count == 2)
        // The proper next link goes in.
        let third = try store.appendCustody(actor: "t", action: "plan", object: "plan:1", digest: "bb")
        #expect(third.seq == 3 && third.prev == second.chainHash)
    }

    @Test func entriesAppendedManyToAnInsertAreCheckedLinkByLink() throws {
        let store = try LongarmStore.inMemory()
        try store.appendCustody(actor: "t", action: "capture", object: "capture:1", digest: "aa")
        let count = LongarmStore.CustodyCursor.entriesPerInsert * 2 + 3
        let objects = (1...count).map { (object: "plan:\($0)", digest: String(repeating: "b", count: 64)) }
        try store.writer.write { db in
            var cursor = try LongarmStore.CustodyCursor(db)
            try cursor.append(db, actor: "batch", action: "plan", objects: objects, time: Date())
        }
        let log = try store.custodyLog()
        #expect(log.map(\.entry.object) == ["capture:1"] + objects.map(\.object))
        #expect(
            zip(log.dropFirst(), log).allSatisfy {
                $0.entry.prev == $1.entry.chainHash && $0.storedHash == $0.entry.chainHash
            }
        )

        // One row of a many-row insert that does not follow its predecessor fails the whole statement.
        var entries: [CustodyEntry] = []
        var prev = try #require(log.last).storedHash
        for seq in Int64(count + 2)...Int64(count + 5) {
            let entry = CustodyEntry(
                seq: seq,
                time: "t",
                actor: "x",
                action: "plan",
                object: "p\(seq)",
                digest: "",
                prev: seq == Int64(count + 4) ? CustodyEntry.genesisPrev : prev
            )
            entries.append(entry)
            prev = entry.chainHash
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(
                    sql: "INSERT INTO custody (seq, time, actor, action, object, digest, prev, hash) VALUES "
                        + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: entries.count).joined(separator: ", "),
                    arguments: StatementArguments(
                        entries.flatMap { entry -> [(any DatabaseValueConvertible)?] in
                            [
                                entry.seq, entry.time, entry.actor, entry.action, entry.object, entry.digest,
                                entry.prev, entry.chainHash,
                            ]
                        }
                    )
                )
            }
        }
        #expect(try store.custodyLog().count == count + 1, "no row of the refused statement is kept")
    }

    @Test func theFirstEntryMustStartFromTheGenesisValue() throws {
        let store = try LongarmStore.inMemory()
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(
                    sql: "INSERT INTO custody (seq, time, actor, action, object, digest, prev, hash) "
                        + "VALUES (1, 't', 'a', 'b', 'c', '', ?, 'h')",
                    arguments: [String(repeating: "1", count: 64)]
                )
            }
        }
    }

    @Test func theMigrationKeepsAnExistingChain() throws {
        let queue = try DatabaseQueue()
        try LongarmStore.migrator.migrate(queue, upTo: "v8-plan-fragments")
        var prev = CustodyEntry.genesisPrev
        var hashes: [String] = []
        try queue.write { db in
            for seq in 1...5 {
                let entry = CustodyEntry(
                    seq: Int64(seq),
                    time: "2026-12-02T10:00:00.000Z",
                    actor: "old",
                    action: "capture",
                    object: "capture:\(seq)",
                    digest: "",
                    prev: prev
                )
                try db.execute(
                    sql: "INSERT INTO custody (seq, time, actor, action, object, digest, prev, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        entry.seq, entry.time, entry.actor, entry.action, entry.object, entry.digest,
                        entry.prev, entry.chainHash,
                    ]
                )
                prev = entry.chainHash
                hashes.append(prev)
            }
        }
        let store = try LongarmStore(writer: queue)
        #expect(try store.appliedMigrations().last == "v9-lighter-write-indexes")
        let indexes = try queue.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('custody', 'plan')"
            )
        }
        // No index of random hashes on the log; plans keep the (target, time) index that serves lookups by target.
        #expect(!indexes.contains { $0.hasPrefix("sqlite_autoindex_custody") })
        #expect(indexes.contains("plan_on_target_time") && !indexes.contains("plan_on_targetId"))
        #expect(try store.custodyLog().map(\.storedHash) == hashes)
        let next = try store.appendCustody(actor: "new", action: "plan", object: "plan:1", digest: "")
        #expect(next.seq == 6 && next.prev == hashes.last)
    }
}
