import ArgumentParser
import Foundation

/// An error that ends a command with a sentence on stderr and a documented exit code.
struct CLIError: Error, CustomStringConvertible, LocalizedError {
    /// The exit codes of the CLI contract (DESIGN.md).
    enum Status: Int32 {
        case failure = 1
        case usage = 64
        case badInput = 65
        case unavailable = 69
    }

    let status: Status
    let description: String

    init(_ status: Status, _ description: String) {
        self.status = status
        self.description = description
    }

    var errorDescription: String? { description }
}

/// Prints `message` as one line on stderr.
func printError(_ message: String) {
    let line = message.replacingOccurrences(of: "\n", with: " ") + "\n"
    FileHandle.standardError.write(Data(line.utf8))
}

/// Runs a command body, turning `CLIError`s into their message and exit code.
func withCLIErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as CLIError {
        printError("longarm: \(error.description)")
        throw ExitCode(error.status.rawValue)
    }
}
