import Foundation
import Logging
import LongarmCore
import LongarmStore

extension RecheckRunner {
    /// Judges each notice whose deadline had passed when the run started, after its target was checked (and
    /// re-resolved) in this run:
    ///
    /// - removal confirmed: the notice is closed with outcome `removed`;
    /// - a removal still being confirmed, or the site unreachable: left open, judged again next run;
    /// - the hosting changed (this run found a move, or the target was re-planned since the notice): the notice is
    ///   held, so nothing goes to a host that no longer holds the content;
    /// - otherwise the content is still up with the same hosting: the notice is marked due and the next rung of
    ///   its plan is queued for drafting (once per notice).
    func judgeDeadlines(
        _ notices: [LongarmStore.NoticeRecord],
        probe: HostingProbe?
    ) async throws -> [RecheckReport.NoticeAction] {
        var actions: [RecheckReport.NoticeAction] = []
        for notice in notices {
            guard let noticeID = notice.id, let watched = try store.watchedTarget(id: notice.targetID) else { continue }
            let now = clock.now()
            let due = notice.dueAt.map { CustodyEntry.timestamp($0) } ?? "?"
            func act(_ action: String, _ detail: String) {
                actions.append(
                    RecheckReport.NoticeAction(
                        noticeId: noticeID,
                        targetId: notice.targetID,
                        action: action,
                        detail: detail
                    )
                )
            }
            let status = watched.status
            if status.state == .removed {
                let detail = "deadline \(due) passed; the content was removed (confirmed)"
                try store.addNoticeEvent(
                    noticeID: noticeID,
                    kind: "gone",
                    time: now,
                    detail: detail,
                    state: .closed,
                    outcome: NoticeOutcome.removed.rawValue
                )
                act("gone", detail)
                continue
            }
            if status.state == .unreachable || status.goneConfirmations > 0 {
                act(
                    "waiting",
                    "deadline \(due) passed; not judged yet: the content is "
                        + (status.state == .unreachable ? "unreachable" : "gone but its removal is not confirmed")
                )
                continue
            }
            let latestPlan = try store.latestPlan(targetID: notice.targetID)
            if status.state == .moved || (latestPlan != nil && latestPlan?.id != notice.planID) {
                let detail =
                    "deadline \(due) passed, but the hosting changed since the notice: held; "
                    + "send to the parties of the new plan instead"
                try store.addNoticeEvent(noticeID: noticeID, kind: "held", time: now, detail: detail, state: .held)
                act("held", detail)
                continue
            }
            // Re-resolve before marking due (shared with this run's check of the target, if it had one).
            var resolved = "not re-resolved (no resolver)"
            if let probe {
                if let fresh = await probe.finding(for: watched.target).signature {
                    let before = status.hosting ?? watched.profileHosting
                    let changes = before.map { fresh.fillingGaps(from: $0).changes(from: $0) } ?? []
                    if !changes.isEmpty {
                        let detail =
                            "deadline \(due) passed, but re-resolution shows the hosting changed ("
                            + changes.joined(separator: ", ") + "): held; the next check re-plans the target"
                        try store.addNoticeEvent(
                            noticeID: noticeID,
                            kind: "held",
                            time: now,
                            detail: detail,
                            state: .held
                        )
                        act("held", detail)
                        continue
                    }
                    resolved = "re-resolved: same hosting (\(fresh.addresses.joined(separator: ", ")))"
                } else {
                    resolved = "re-resolution found no address"
                }
            }
            let plan = try notice.planID.flatMap { try store.storedPlan(id: $0) }
            let next = plan?.plan.rungs.map(\.step).filter { $0 > notice.rungStep }.min()
            let detail =
                "deadline \(due) passed with the content still up; \(resolved); "
                + (next.map { "rung \($0) to be drafted" } ?? "no further rung")
            try store.markNoticeDue(notice, nextRung: next, time: now, detail: detail)
            act("due", detail)
        }
        return actions
    }

    /// Completes every pending follow-up (a crashed run's leftovers and this run's); a failure is logged and left
    /// pending for the next run.
    func completePendingFollowUps() throws -> [RecheckReport.FollowUp] {
        var summaries: [RecheckReport.FollowUp] = []
        for followUp in try store.pendingFollowUps() {
            var record = followUp
            var failure: String?
            if let drafter = drafter.value {
                do {
                    record = try drafter.complete(followUp, store: store, now: clock.now())
                } catch {
                    failure = "drafting failed, left pending: \(error)"
                    logger.warning(
                        "follow-up failed",
                        metadata: ["followup.id": "\(followUp.id)", "error": "\(error)"]
                    )
                }
            } else {
                failure = "left pending: no planner and templates to draft with"
            }
            summaries.append(
                RecheckReport.FollowUp(
                    id: record.id,
                    kind: record.kind.rawValue,
                    targetId: record.targetID,
                    done: record.done,
                    planId: record.planID,
                    folder: record.folder,
                    letters: record.letterCount ?? 0,
                    note: failure ?? record.note
                )
            )
        }
        return summaries
    }
}
