import ArgumentParser
import Foundation
import LongarmCore
import LongarmStore
import LongarmWatch

/// `longarm history TARGET | --case ID`: the timeline of checks, notices and follow-ups.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a target's timeline (or every target's of a case): checks, notices and follow-ups.",
        discussion: """
            Each check shows its time, the state it left, the HTTP status, the body digest and the hosting as \
            re-resolved (addresses, ASN, country); notice events and drafted follow-ups are interleaved by time.
            """
    )

    @Argument(help: "The target's number.") var targetID: Int64?
    @Option(name: .customLong("case"), help: "Every target of this case.") var caseID: Int64?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (targetID == nil) == (caseID == nil) {
            throw ValidationError("give a target number or --case ID (not both)")
        }
    }

    func run() async throws {
        try await withCLIErrors {
            let db = try store.open()
            do {
                if let targetID {
                    let history = try TargetHistory.load(targetID: targetID, store: db)
                    if output.json { try JSONOutput.print(history) } else { Self.print(history) }
                } else if let caseID {
                    let histories = try TargetHistory.load(caseID: caseID, store: db)
                    if output.json {
                        try JSONOutput.print(histories)
                    } else {
                        for (index, history) in histories.enumerated() {
                            if index > 0 { Swift.print("") }
                            Self.print(history)
                        }
                    }
                }
            } catch let error as WatchError {
                throw CLIError(error)
            }
        }
    }

    static func print(_ history: TargetHistory) {
        let next = history.nextCheckAt.map { "; next check \(CustodyEntry.timestamp($0))" } ?? ""
        Swift.print("target \(history.targetId) \(history.url): \(history.state ?? "not checked yet")\(next)")
        if history.entries.isEmpty { Swift.print("  (nothing yet: run longarm recheck)") }
        for entry in history.entries {
            let time = CustodyEntry.timestamp(entry.time)
            switch entry.kind {
            case "check":
                let status = entry.httpStatus.map(String.init) ?? "---"
                let digest = entry.digest.map { String($0.prefix(12)) } ?? "-"
                var hosting = (entry.addresses ?? []).joined(separator: ",")
                if let asns = entry.asns, !asns.isEmpty {
                    hosting += " " + asns.map { "AS\($0)" }.joined(separator: ",")
                }
                if let countries = entry.countries, !countries.isEmpty {
                    hosting += " " + countries.joined(separator: ",")
                }
                if let cdn = entry.cdn { hosting += " via \(cdn)" }
                var line = "  \(time)  check   \(pad(entry.state ?? "?", 11)) \(status)  \(pad(digest, 12))"
                if !hosting.isEmpty { line += "  \(hosting)" }
                if let changes = entry.changes { line += "  changed: \(changes.joined(separator: ", "))" }
                if let content = entry.content, content != "same-digest" { line += "  [\(content)]" }
                if let detail = entry.detail { line += "  (\(detail))" }
                Swift.print(line)
            case "notice":
                Swift.print(
                    "  \(time)  notice  \(pad(entry.event ?? "", 11)) #\(entry.noticeId ?? 0) \(entry.detail ?? "")"
                )
            default:
                Swift.print("  \(time)  follow  \(pad(entry.event ?? "", 11)) \(entry.detail ?? "")")
            }
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
