public import Foundation
import LongarmCore
import LongarmLetters
public import LongarmStore
public import LongarmWorkflow

/// Does the work a re-check leaves behind, once each: re-plans a moved target and drafts letters for its new
/// parties, or drafts the next rung of a plan whose deadline passed. Letters are always drafts (placeholders for
/// missing data) written under `draftsDirectory`; the old plan is kept.
public struct FollowUpDrafter: Sendable {
    /// Makes the new plan of a moved target.
    public var planning: CasePlanning
    /// Writes the letters (forced into draft mode).
    public var writing: LetterWriting
    /// The folder under which each follow-up gets its own folder (`case-<c>/target-<t>-…`).
    public var draftsDirectory: URL

    /// Creates the drafter.
    public init(planning: CasePlanning, writing: LetterWriting, draftsDirectory: URL) {
        self.planning = planning
        var writing = writing
        writing.options.draft = true
        self.writing = writing
        self.draftsDirectory = draftsDirectory
    }

    /// Completes `followUp`: writes its drafts into its own folder (the same folder on a retry, so a crash
    /// between writing and storing leaves nothing twice) and stores plan, letter records and outcome together.
    public func complete(
        _ followUp: LongarmStore.FollowUpRecord,
        store: LongarmStore,
        now: Date
    ) throws -> LongarmStore.FollowUpRecord {
        guard !followUp.done else { return followUp }
        guard let caseFile = try store.caseFile(id: followUp.caseID),
            let target = try store.target(id: followUp.targetID)
        else {
            throw WatchError(.notFound, "follow-up \(followUp.id): its case or target no longer exists")
        }
        var options = writing.options
        options.date = now
        var writer = writing
        writer.options = options
        switch followUp.kind {
        case .move:
            return try completeMove(
                followUp,
                caseFile: caseFile,
                target: target,
                store: store,
                writer: writer,
                now: now
            )
        case .escalation:
            return try completeEscalation(
                followUp,
                caseFile: caseFile,
                target: target,
                store: store,
                writer: writer,
                now: now
            )
        }
    }

    private func completeMove(
        _ followUp: LongarmStore.FollowUpRecord,
        caseFile: CaseFile,
        target: Target,
        store: LongarmStore,
        writer: LetterWriting,
        now: Date
    ) throws -> LongarmStore.FollowUpRecord {
        guard let profile = try store.latestProfile(targetID: target.id ?? 0) else {
            throw WatchError(.notFound, "follow-up \(followUp.id): target \(followUp.targetID) has no stored profile")
        }
        let plan = planning.plan(target, in: caseFile, profile: profile.profile)
        let old = try followUp.fromPlanID.flatMap { try store.storedPlan(id: $0) }
        let known = Set((old?.plan.rungs ?? []).map { PartyKey(role: $0.role.rawValue, name: $0.party.name) })
        var newRungs = plan.rungs.filter { !known.contains(PartyKey(role: $0.role.rawValue, name: $0.party.name)) }
        if old == nil { newRungs = plan.rungs }
        var records: [LongarmStore.LetterRecord] = []
        var folder: String?
        let note: String
        if newRungs.isEmpty {
            note = "re-planned; the new plan names no party the old plan did not, so no letter was drafted"
        } else {
            var subset = plan
            subset.rungs = newRungs
            let directory = folderURL(followUp, suffix: "move")
            records = try writer.writeFiles(
                caseFile: caseFile,
                targets: [PlannedTarget(target: target, plan: subset, planID: nil)],
                to: directory,
                now: now
            ).records
            folder = directory.path
            let parties = newRungs.map { "\($0.role.rawValue) \($0.party.name)" }.joined(separator: ", ")
            note = "moved: new plan drafted for \(parties); review the drafts before sending"
        }
        return try store.completeFollowUp(
            id: followUp.id,
            plan: LongarmStore.FollowUpPlan(plan: plan, profileID: profile.id),
            letters: records,
            folder: folder,
            note: note,
            time: now
        )
    }

    private func completeEscalation(
        _ followUp: LongarmStore.FollowUpRecord,
        caseFile: CaseFile,
        target: Target,
        store: LongarmStore,
        writer: LetterWriting,
        now: Date
    ) throws -> LongarmStore.FollowUpRecord {
        guard let step = followUp.rungStep, let planID = followUp.fromPlanID,
            let stored = try store.storedPlan(id: planID),
            let rung = stored.plan.rungs.first(where: { $0.step == step })
        else {
            return try store.completeFollowUp(
                id: followUp.id,
                plan: nil,
                planID: followUp.fromPlanID,
                letters: [],
                folder: nil,
                note:
                    "deadline passed with the content still up, and the plan has no further rung: decide the next step",
                time: now
            )
        }
        var subset = stored.plan
        subset.rungs = [rung]
        let directory = folderURL(followUp, suffix: "notice-\(followUp.noticeID ?? 0)-rung-\(step)")
        let records = try writer.writeFiles(
            caseFile: caseFile,
            targets: [PlannedTarget(target: target, plan: subset, planID: planID)],
            to: directory,
            now: now
        ).records
        return try store.completeFollowUp(
            id: followUp.id,
            plan: nil,
            planID: planID,
            letters: records,
            folder: directory.path,
            note: "deadline passed with the content still up: rung \(step) (\(rung.role.rawValue) \(rung.party.name)) "
                + "drafted; review and send",
            time: now
        )
    }

    private func folderURL(_ followUp: LongarmStore.FollowUpRecord, suffix: String) -> URL {
        draftsDirectory.appendingPathComponent("case-\(followUp.caseID)", isDirectory: true)
            .appendingPathComponent("target-\(followUp.targetID)-followup-\(followUp.id)-\(suffix)", isDirectory: true)
    }

    private struct PartyKey: Hashable {
        var role: String
        var name: String
    }
}
