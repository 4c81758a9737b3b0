import Foundation
import LongarmWatch

/// The text form of a re-check report.
enum RecheckTextPrinter {
    static func print(_ report: RecheckReport) {
        let rate = String(format: "%.0f", report.targetsPerSecond)
        let seconds = String(format: "%.1f", report.durationSeconds)
        Swift.print(
            "recheck (\(report.selection)): \(report.checked) of \(report.selected) target(s) checked in \(seconds) s "
                + "(\(rate)/s)" + (report.interrupted ? "; interrupted" : "")
        )
        var extras: [String] = []
        if report.duplicates > 0 { extras.append("\(report.duplicates) already recorded") }
        if report.superseded > 0 { extras.append("\(report.superseded) superseded") }
        if report.abandoned > 0 { extras.append("\(report.abandoned) abandoned (still due)") }
        if report.resolvedHosts > 0 { extras.append("\(report.resolvedHosts) host(s) re-resolved") }
        if !extras.isEmpty { Swift.print("  " + extras.joined(separator: "; ")) }
        if !report.states.isEmpty {
            let states = report.states.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            Swift.print("  states: " + states.joined(separator: ", "))
        }
        for change in report.changes {
            Swift.print("  target \(change.targetId) \(change.url): \(change.from) → \(change.to) — \(change.detail)")
        }
        for notice in report.notices {
            Swift.print("  notice \(notice.noticeId) (target \(notice.targetId)): \(notice.action) — \(notice.detail)")
        }
        for followUp in report.followUps {
            let plan = followUp.planId.map { "plan \($0), " } ?? ""
            let state = followUp.done ? "done" : "pending"
            Swift.print(
                "  follow-up \(followUp.id) (\(followUp.kind), target \(followUp.targetId)): \(state) — "
                    + "\(plan)\(followUp.letters) letter file(s)" + (followUp.folder.map { " in \($0)" } ?? "")
            )
        }
        for flag in report.flags { Swift.print("flag: \(flag)") }
    }
}
