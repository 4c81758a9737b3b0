public import Foundation

/// What one re-check run did: the JSON of `longarm recheck --json` and of the service's `POST /v1/recheck`.
public struct RecheckReport: Sendable, Codable, Hashable {
    /// A target whose state changed.
    public struct Change: Sendable, Codable, Hashable {
        public var targetId: Int64
        public var url: String
        public var from: String
        public var to: String
        public var httpStatus: Int?
        /// What changed in the hosting, for a move.
        public var hostingChanges: [String]
        /// Why, in words.
        public var detail: String
    }

    /// What happened to a notice whose deadline passed.
    public struct NoticeAction: Sendable, Codable, Hashable {
        public var noticeId: Int64
        public var targetId: Int64
        /// `due` (next rung drafted), `held` (hosting changed), `gone` (content removed), `waiting` (not judged yet).
        public var action: String
        public var detail: String
    }

    /// A follow-up completed (or left pending) by the run.
    public struct FollowUp: Sendable, Codable, Hashable {
        public var id: Int64
        /// `move` or `escalation`.
        public var kind: String
        public var targetId: Int64
        public var done: Bool
        public var planId: Int64?
        public var folder: String?
        public var letters: Int
        public var note: String?
    }

    public var selection: String
    public var startedAt: Date
    public var finishedAt: Date
    public var durationSeconds: Double
    /// Targets the run set out to check.
    public var selected: Int
    /// Checks stored.
    public var checked: Int
    /// Checks whose slot was already stored (an earlier, interrupted run or another process): not stored again.
    public var duplicates: Int
    /// Checks dropped because another process changed the target's status meanwhile.
    public var superseded: Int
    /// Checks abandoned because the run was cancelled: their targets stay due.
    public var abandoned: Int
    /// True when the run was cancelled before it finished.
    public var interrupted: Bool
    /// Stored checks by outcome (`response`, `not-modified`, `unreachable`).
    public var outcomes: [String: Int]
    /// Stored checks by the state they left the target in.
    public var states: [String: Int]
    /// Hosts re-resolved (each once per run).
    public var resolvedHosts: Int
    public var changes: [Change]
    public var notices: [NoticeAction]
    public var followUps: [FollowUp]
    /// What a person should look at, one sentence each (drafts to review, targets that moved or came back).
    public var flags: [String]
    /// Stored checks per second of the run.
    public var targetsPerSecond: Double
}
