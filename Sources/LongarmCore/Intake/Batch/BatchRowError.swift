public import Foundation

/// A rejected row of a batch: where it was and what is wrong with it.
///
/// Prints as `FILE:LINE: problem: "input"`, the form of the one stderr line per bad row.
public struct BatchRowError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The file name (as given by the user), or `argument` for URLs on the command line.
    public var source: String
    /// The line where the row starts (1-based), or the argument's position.
    public var line: Int
    /// The problem, naming the offending input.
    public var error: IntakeError

    /// Creates a row error.
    public init(source: String, line: Int, error: IntakeError) {
        self.source = source
        self.line = line
        self.error = error
    }

    public var description: String { "\(source):\(line): \(error)" }
    public var errorDescription: String? { description }
}
