public import Foundation
import LongarmCore
public import LongarmStore

/// The timeline of a target: its checks, its notices' events and its follow-ups, in time order. The JSON of
/// `longarm history --json` and of the service's `GET /v1/targets/{id}/history`.
public struct TargetHistory: Sendable, Codable, Hashable {
    /// One line of the timeline.
    public struct Entry: Sendable, Codable, Hashable {
        public var time: Date
        /// `check`, `notice` or `follow-up`.
        public var kind: String
        /// The target's state after a check.
        public var state: String?
        public var httpStatus: Int?
        public var digest: String?
        /// How the body compared with the baseline.
        public var content: String?
        public var addresses: [String]?
        public var asns: [Int]?
        public var countries: [String]?
        public var cdn: String?
        public var registrar: String?
        /// What changed in the hosting.
        public var changes: [String]?
        /// A notice's event (`sent`, `reply`, `due`, `held`, `escalated`, `outcome`, `gone`) or a follow-up's kind.
        public var event: String?
        public var noticeId: Int64?
        /// Words: the reason of an unreachable check, a notice event's detail, a follow-up's note and folder.
        public var detail: String?
    }

    public var targetId: Int64
    public var url: String
    /// The state now, when the target was ever checked.
    public var state: String?
    public var nextCheckAt: Date?
    public var entries: [Entry]

    /// The timeline of target `targetID`.
    ///
    /// - Throws: ``WatchError`` `.notFound` when there is no such target.
    public static func load(targetID: Int64, store: LongarmStore) throws -> TargetHistory {
        guard let target = try store.target(id: targetID) else {
            throw WatchError(.notFound, "target \(targetID): no such target")
        }
        let watched = try store.watchedTarget(id: targetID)
        var entries = try store.checks(targetID: targetID).map { check in
            Entry(
                time: check.checkedAt,
                kind: "check",
                state: check.stateAfter.rawValue,
                httpStatus: check.httpStatus,
                digest: check.digest,
                content: check.contentMatch,
                addresses: check.hosting?.addresses,
                asns: check.hosting?.asns,
                countries: check.hosting?.hostingCountries.map(\.rawValue),
                cdn: check.hosting?.cdn,
                registrar: check.hosting?.registrar,
                changes: check.hostingChanges.isEmpty ? nil : check.hostingChanges,
                detail: check.reason
            )
        }
        entries += try store.noticeEvents(targetID: targetID).map { event in
            Entry(time: event.time, kind: "notice", event: event.kind, noticeId: event.noticeID, detail: event.detail)
        }
        entries += try store.followUps(targetID: targetID).map { followUp in
            let words = [followUp.note, followUp.folder].compactMap(\.self).joined(separator: " — ")
            return Entry(
                time: followUp.doneAt ?? followUp.createdAt,
                kind: "follow-up",
                event: followUp.kind.rawValue + (followUp.done ? "" : " (pending)"),
                noticeId: followUp.noticeID,
                detail: words.isEmpty ? nil : words
            )
        }
        // Time, then checks before notices before follow-ups, then the order they were stored in.
        let order = ["check": 0, "notice": 1, "follow-up": 2]
        entries = entries.enumerated()
            .sorted {
                ($0.element.time, order[$0.element.kind] ?? 3, $0.offset) < (
                    $1.element.time, order[$1.element.kind] ?? 3, $1.offset
                )
            }
            .map(\.element)
        return TargetHistory(
            targetId: targetID,
            url: target.canonicalURL,
            state: watched?.lastCheckedAt == nil ? nil : watched?.status.state.rawValue,
            nextCheckAt: watched?.nextCheckAt,
            entries: entries
        )
    }

    /// The timelines of every target of case `caseID`, in target order.
    public static func load(caseID: Int64, store: LongarmStore) throws -> [TargetHistory] {
        guard try store.caseFile(id: caseID) != nil else {
            throw WatchError(.notFound, "case \(caseID): no such case")
        }
        return try store.targets(caseID: caseID).compactMap(\.id).map { try load(targetID: $0, store: store) }
    }
}
