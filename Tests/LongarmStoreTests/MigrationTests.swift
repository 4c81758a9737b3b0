import Foundation
import LongarmCore
import LongarmStore
import Testing

@Suite struct MigrationTests {
    @Test func migratesInMemoryDatabaseToCurrentSchema() throws {
        let store = try LongarmStore.inMemory()
        #expect(try store.appliedMigrations().contains("v1-cases-targets"))
    }

    @Test func migratesOnDiskDatabaseAndKeepsDataAcrossReopen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/longarm.sqlite").path
        let created = try LongarmStore(path: path).createCase(CaseFile(holder: "Acme", kind: .trademark))
        let reopened = try LongarmStore(path: path)
        #expect(try reopened.caseFile(id: try #require(created.id))?.holder == "Acme")
        #expect(try reopened.appliedMigrations() == LongarmStore.inMemory().appliedMigrations())
    }

    @Test func defaultPathFollowsXDGDataHome() {
        #expect(LongarmStore.defaultPath(environment: ["XDG_DATA_HOME": "/x"]) == "/x/longarm/longarm.sqlite")
        #expect(
            LongarmStore.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/longarm/longarm.sqlite"
        )
    }
}
