import Foundation
import GRDB
import Testing

@testable import LongarmStore

/// Values bound straight into SQLite come back as GRDB reads them, and a statement stays usable after a run
/// that failed.
@Suite struct StatementBinderTests {
    private func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER NOT NULL, s TEXT NOT NULL UNIQUE, b BLOB)")
        }
        return queue
    }

    @Test func boundValuesReadBackUnchanged() throws {
        let queue = try database()
        let texts = ["", "plain", "李伟 «quoted» \"and\" \\ backslash", String(repeating: "long ", count: 60)]
        let blobs = [Data(), Data([0, 1, 2, 255]), Data(repeating: 7, count: 5_000), Data("{}".utf8)]
        try queue.write { db in
            let statement = try db.makeStatement(
                sql: "INSERT INTO t (n, s, b) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?), (?, ?, ?)"
            )
            var binder = StatementBinder(statement)
            for (index, (text, blob)) in zip(texts, blobs).enumerated() {
                try binder.bind(index == 3 ? Int64.min : Int64(index))
                try binder.bind(text)
                try binder.bind(blob)
            }
            try binder.execute()
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT n, s, b, typeof(b) AS kind FROM t ORDER BY rowid")
        }
        #expect(rows.map { $0["n"] as Int64 } == [0, 1, 2, Int64.min])
        #expect(rows.map { $0["s"] as String } == texts)
        #expect(rows.map { $0["b"] as Data } == blobs)
        #expect(rows.map { $0["kind"] as String } == ["blob", "blob", "blob", "blob"], "an empty blob is not NULL")
    }

    @Test func aStatementThatFailedCanBeBoundAndRunAgain() throws {
        let queue = try database()
        try queue.write { db in
            for (number, text) in [(1, "one"), (2, "one"), (3, "three")] {
                var binder = StatementBinder(try db.cachedStatement(sql: "INSERT INTO t (n, s) VALUES (?, ?)"))
                try binder.bind(number)
                try binder.bind(text)
                if number == 2 {
                    #expect(throws: DatabaseError.self) { try binder.execute() }
                } else {
                    try binder.execute()
                }
            }
        }
        #expect(
            try queue.read { db in try String.fetchAll(db, sql: "SELECT s FROM t ORDER BY n") } == ["one", "three"]
        )
    }

    @Test func runningWithAParameterLeftUnboundIsAnError() throws {
        let queue = try database()
        try queue.write { db in
            var binder = StatementBinder(try db.makeStatement(sql: "INSERT INTO t (n, s) VALUES (?, ?)"))
            try binder.bind(1)
            #expect(throws: StoreError.self) { try binder.execute() }
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") } == 0)
    }
}
