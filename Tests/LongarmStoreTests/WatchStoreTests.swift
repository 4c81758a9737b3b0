import Foundation
import GRDB
import LongarmCore
import Testing

@testable import LongarmStore

@Suite struct WatchStoreTests {
    @Test(arguments: [0.0, 1_800_000_000.123, 1_800_000_000.9996, 951_782_400.5, -86_400.25, 4_102_444_799.999])
    func writesDatesExactlyAsGRDBDoes(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let grdb = String.fromDatabaseValue(date.databaseValue)
        #expect(StoreDate.text(date) == grdb)
    }

    @Test func aDateReadBackIsWrittenAgainIdentically() throws {
        let queue = try DatabaseQueue()
        for milliseconds in stride(from: Int64(1_800_000_000_000), to: 1_800_000_001_000, by: 7) {
            let text = StoreDate.text(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            let read = try queue.read { db in try Date.fetchOne(db, sql: "SELECT ?", arguments: [text]) }
            #expect(StoreDate.text(try #require(read)) == text)
        }
    }

    @Test func migrationV7CreatesTheWatchTables() throws {
        let store = try LongarmStore.inMemory()
        #expect(try store.appliedMigrations().last == "v7-watch")
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["watch_status", "watch_check", "notice", "notice_event", "watch_followup"] {
            #expect(tables.contains(table))
        }
    }
}
