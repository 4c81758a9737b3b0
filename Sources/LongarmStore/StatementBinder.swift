import Foundation
import GRDB
import GRDBSQLite

/// Binds values straight into a GRDB statement's SQLite handle, in parameter order, for the inserts that store
/// a large case: `StatementArguments` boxes every value, converts it to a `DatabaseValue` and copies each string
/// to a C string before SQLite copies it again. The statement is then run by GRDB (`execute()`), so its hooks,
/// errors and transaction tracking are GRDB's as for any other statement.
struct StatementBinder {
    private let statement: Statement
    private var index: CInt = 1

    /// Starts binding `statement` from its first parameter; values bound before are cleared.
    init(_ statement: Statement) {
        // A statement whose last run failed reports that failure again on its next reset, which GRDB's
        // `setUncheckedArguments` would not survive: reset it here first (the failure was thrown back then).
        sqlite3_reset(statement.sqliteStatement)
        // No arguments, marked valid: `execute()` then keeps the bindings made here (a reset leaves bindings).
        statement.setUncheckedArguments(StatementArguments())
        self.statement = statement
    }

    /// Parameters bound so far.
    var count: Int { Int(index - 1) }

    mutating func bind(_ value: Int64) throws {
        try check(sqlite3_bind_int64(statement.sqliteStatement, index, value))
    }

    mutating func bind(_ value: Int) throws {
        try bind(Int64(value))
    }

    mutating func bind(_ value: String) throws {
        var text = value
        let code = text.withUTF8 { bytes in
            // SQLite copies the bytes (SQLITE_TRANSIENT): they need not outlive the call.
            sqlite3_bind_text(statement.sqliteStatement, index, bytes.baseAddress, CInt(bytes.count), Self.transient)
        }
        try check(code)
    }

    mutating func bind(_ value: Data) throws {
        let code = value.withUnsafeBytes { bytes in
            // A zero-length blob still needs a non-null pointer, or SQLite binds NULL.
            sqlite3_bind_blob(
                statement.sqliteStatement,
                index,
                bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                CInt(bytes.count),
                Self.transient
            )
        }
        try check(code)
    }

    /// Runs the statement through GRDB once every parameter is bound.
    func execute() throws {
        guard count == Int(sqlite3_bind_parameter_count(statement.sqliteStatement)) else {
            throw StoreError.inconsistent(
                "bound \(count) values to a statement of \(sqlite3_bind_parameter_count(statement.sqliteStatement)) parameters"
            )
        }
        try statement.execute()
    }

    private mutating func check(_ code: CInt) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: "cannot bind parameter \(index)",
                sql: statement.sql
            )
        }
        index += 1
    }

    /// `INSERT INTO table (columns) VALUES (?, …), …` with `rows` rows of parameters, for binding in that order.
    static func insertSQL(into table: String, columns: [String], rows: Int) -> String {
        let row = "(" + repeatElement("?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + repeatElement(row, count: rows).joined(separator: ", ")
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
