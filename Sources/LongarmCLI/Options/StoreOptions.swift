import ArgumentParser
import Foundation
import LongarmStore

/// `--db PATH` (or `LONGARM_DB`): which SQLite database to use.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database (env LONGARM_DB; default $XDG_DATA_HOME/longarm/longarm.sqlite).")
    var db: String?

    /// The path chosen by flag, then environment, then default.
    var resolvedPath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["LONGARM_DB"], !env.isEmpty { return env }
        return LongarmStore.defaultPath()
    }

    /// Opens the store, turning a failure into a one-line error.
    func open() throws -> LongarmStore {
        do {
            return try LongarmStore(path: resolvedPath)
        } catch {
            throw CLIError(.failure, "cannot open database \(resolvedPath): \(error)")
        }
    }
}

/// `--json`: print one JSON document on stdout instead of text.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on stdout.")
    var json = false
}
