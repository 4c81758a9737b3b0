import ArgumentParser
import Foundation
import LongarmWatch

/// `RUNG (--target T | --case C) [--at TIME]`: which notices a `notice` subcommand addresses, and when.
struct NoticeScopeOptions: ParsableArguments {
    @Argument(help: "The rung's step on the plan's ladder (1, 2, …), as `longarm plan` shows it.")
    var rung: Int

    @Option(help: "One target.") var target: Int64?
    @Option(name: .customLong("case"), help: "Every target of this case whose plan has the rung.") var caseID: Int64?
    @Option(help: "When it happened: ISO 8601 (2026-03-01T09:30:00Z) or a date; default now.") var at: String?

    func validate() throws {
        if (target == nil) == (caseID == nil) { throw ValidationError("give --target T or --case C (not both)") }
        if rung < 1 { throw ValidationError("RUNG \(rung): rungs are numbered from 1") }
        if let at {
            do { _ = try TimeText.parse(at, input: "--at") } catch { throw ValidationError("\(error)") }
        }
    }

    var scope: NoticeScope { target.map(NoticeScope.target) ?? .caseID(caseID ?? 0) }

    func time() throws -> Date {
        try at.map { try TimeText.parse($0, input: "--at") } ?? Date()
    }
}
