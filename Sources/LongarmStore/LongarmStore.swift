public import Foundation
public import GRDB
import LongarmCore

/// Longarm's SQLite store: cases, targets, and (in later migrations) what was learnt about them.
///
/// On disk the store is a `DatabasePool` in WAL mode; tests use an in-memory `DatabaseQueue`.
/// Every write runs in a transaction, so a failure never leaves half a batch behind.
public struct LongarmStore: Sendable {
    /// The underlying connection; `package` so that sibling modules can add their own queries.
    package let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        // Another process (a second CLI run, a worker) may hold the write lock: wait for it rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 16 MiB of page cache (the default is 2 MiB): a large batch then writes each page once at commit
            // instead of spilling and rewriting it mid-transaction.
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try self.init(writer: pool)
    }

    /// Wraps an open connection and migrates it.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// A fresh in-memory store, for tests and dry runs.
    public static func inMemory() throws -> LongarmStore {
        try LongarmStore(writer: DatabaseQueue())
    }

    /// The default path: `$XDG_DATA_HOME/longarm/longarm.sqlite`, else `~/.local/share/longarm/longarm.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
            base = home + "/.local/share"
        }
        return base + "/longarm/longarm.sqlite"
    }

    /// Moves everything in the write-ahead log into the database file and empties the log, so that a copy of the
    /// file alone is a copy of the whole store (the benchmarks copy one set-up store for each run).
    public func checkpoint() throws {
        _ = try writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    /// The names of the migrations applied so far, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Self.migrator.appliedMigrations(db) }
    }
}
