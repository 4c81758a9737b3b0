public import Foundation
public import LongarmCore
public import LongarmStore

/// Records what happened to notices: sent (with a due date from the rung's deadline), a reply, an outcome.
///
/// A notice is addressed by rung step and scope: `.target(T)` for one target, `.caseID(C)` for every target of the
/// case whose newest plan has that rung (targets without it are skipped with a sentence).
public struct NoticeDesk: Sendable {
    /// The store.
    public var store: LongarmStore
    /// The wait of a notice whose rung has no fixed deadline.
    public var defaultDeadline: Duration

    /// Creates the desk.
    public init(store: LongarmStore, defaultDeadline: Duration = .seconds(72 * 3600)) {
        self.store = store
        self.defaultDeadline = defaultDeadline
    }

    /// What a recording did.
    public struct Result: Sendable, Codable, Hashable {
        /// The notices recorded or updated.
        public var notices: [LongarmStore.NoticeRecord]
        /// Targets of the scope that were skipped, one sentence each.
        public var skipped: [String]
    }

    /// Records that rung `step` was sent for each target of `scope`, due after the rung's deadline.
    public func recordSent(
        _ scope: NoticeScope,
        rung step: Int,
        at time: Date,
        via: String?,
        messageID: String?
    ) throws -> Result {
        var result = Result(notices: [], skipped: [])
        for target in try targets(of: scope) {
            guard let targetID = target.id, let stored = try store.latestPlan(targetID: targetID) else {
                try skip(
                    "target \(target.id ?? 0) has no plan yet: run longarm plan \(target.caseID) first",
                    scope,
                    &result
                )
                continue
            }
            guard let rung = stored.plan.rungs.first(where: { $0.step == step }) else {
                let steps = stored.plan.rungs.map { String($0.step) }.joined(separator: ", ")
                try skip(
                    "target \(targetID): its plan \(stored.id) has no rung \(step) (rungs: \(steps))",
                    scope,
                    &result
                )
                continue
            }
            let (dueAt, deadline) = due(after: time, rung: rung)
            result.notices.append(
                try store.recordNotice(
                    LongarmStore.NoticeRecord(
                        caseID: target.caseID,
                        targetID: targetID,
                        planID: stored.id,
                        rungStep: step,
                        role: rung.role.rawValue,
                        party: rung.party.name,
                        sentAt: time,
                        via: via,
                        messageID: messageID,
                        dueAt: dueAt,
                        deadline: deadline
                    )
                )
            )
        }
        return result
    }

    /// Records a reply to the newest notice of rung `step` for each target of `scope`.
    public func recordReply(_ scope: NoticeScope, rung step: Int, at time: Date, note: String?) throws -> Result {
        try update(scope, rung: step) { notice in
            try store.addNoticeEvent(
                noticeID: notice.id ?? 0,
                kind: "reply",
                time: time,
                detail: note ?? "reply received"
            )
        }
    }

    /// Records the outcome of the newest notice of rung `step` for each target of `scope`, closing it.
    public func recordOutcome(
        _ scope: NoticeScope,
        rung step: Int,
        outcome: NoticeOutcome,
        at time: Date,
        note: String?
    ) throws -> Result {
        try update(scope, rung: step) { notice in
            try store.addNoticeEvent(
                noticeID: notice.id ?? 0,
                kind: "outcome",
                time: time,
                detail: [outcome.rawValue, note].compactMap(\.self).joined(separator: ": "),
                state: .closed,
                outcome: outcome.rawValue
            )
        }
    }

    /// The due date of a notice sent at `time` on `rung`, and the deadline in words.
    public func due(after time: Date, rung: NoticeRung) -> (Date, String) {
        if let text = rung.deadline?.duration, let period = ISO8601Duration.parse(text) {
            return (time.addingTimeInterval(seconds(period)), rung.deadline?.text ?? text)
        }
        let words = rung.deadline.map { "\($0.text); no fixed period, so " } ?? "no deadline in the plan, so "
        return (
            time.addingTimeInterval(seconds(defaultDeadline)),
            words + "the default \(DurationText.format(defaultDeadline))"
        )
    }

    private func update(
        _ scope: NoticeScope,
        rung step: Int,
        _ body: (LongarmStore.NoticeRecord) throws -> Void
    ) throws -> Result {
        var result = Result(notices: [], skipped: [])
        for target in try targets(of: scope) {
            let notices = try store.notices(targetID: target.id ?? 0).filter { $0.rungStep == step }
            guard let latest = notices.last else {
                try skip("target \(target.id ?? 0): no notice of rung \(step) was recorded as sent", scope, &result)
                continue
            }
            try body(latest)
            if let updated = try store.notice(id: latest.id ?? 0) { result.notices.append(updated) }
        }
        return result
    }

    private func targets(of scope: NoticeScope) throws -> [Target] {
        switch scope {
        case .target(let id):
            guard let target = try store.target(id: id) else {
                throw WatchError(.notFound, "target \(id): no such target")
            }
            return [target]
        case .caseID(let id):
            guard try store.caseFile(id: id) != nil else { throw WatchError(.notFound, "case \(id): no such case") }
            return try store.targets(caseID: id)
        }
    }

    // One target named on its own must exist and fit; in a case the others go on.
    private func skip(_ sentence: String, _ scope: NoticeScope, _ result: inout Result) throws {
        if case .target = scope { throw WatchError(.badInput, sentence) }
        result.skipped.append(sentence)
    }

    private func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
