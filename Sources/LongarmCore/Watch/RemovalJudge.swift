import Foundation

/// Applies one observation to a target's watch status: the state machine of re-checks.
///
/// Removal needs `confirmations` gone observations in a row, each at least `spacing` after the previous
/// counted one (defaults 3 and 6 hours): one 404 during a deploy is not a removal. An unreachable site is
/// never counted as removed; it neither confirms nor cancels a pending removal. A served page cancels it.
public struct RemovalJudge: Sendable, Hashable {
    /// Gone observations needed to confirm removal.
    public var confirmations: Int
    /// The least time between two counted gone observations.
    public var spacing: Duration

    /// The defaults: 3 confirmations at least 6 hours apart.
    public init(confirmations: Int = 3, spacing: Duration = .seconds(6 * 3600)) {
        self.confirmations = max(1, confirmations)
        self.spacing = spacing
    }

    /// What changed with one check.
    public struct Transition: Sendable, Hashable {
        /// The status after the check.
        public var status: WatchStatus
        /// The state before the check.
        public var previous: TargetState
        /// Parts of the hosting that changed, when the target moved.
        public var hostingChanges: [String]

        /// True when the state differs from before.
        public var changed: Bool { status.state != previous }
    }

    /// Judges `observation` against `status`.
    public func apply(_ observation: CheckObservation, to status: WatchStatus) -> Transition {
        var next = status
        var changes: [String] = []
        switch observation.outcome {
        case .unreachable:
            next.consecutiveFailures += 1
            if status.state != .removed { next.state = .unreachable }
        case .response:
            next.consecutiveFailures = 0
            if observation.saysGone {
                countGone(at: observation.time, into: &next)
            } else {
                next.goneConfirmations = 0
                next.lastCountedGoneAt = nil
                next.state = status.state == .removed ? .reappeared : .active
            }
        }
        if let hosting = observation.hosting {
            if let before = status.hosting {
                changes = hosting.changes(from: before)
            }
            next.hosting = hosting
            if !changes.isEmpty, !observation.saysGone, case .response = observation.outcome {
                next.state = .moved
            }
        }
        return Transition(status: next, previous: status.state, hostingChanges: changes)
    }

    private func countGone(at time: Date, into status: inout WatchStatus) {
        if status.state == .removed { return }
        let spaced = status.lastCountedGoneAt.map { time.timeIntervalSince($0) >= spacing.seconds } ?? true
        if spaced {
            status.goneConfirmations += 1
            status.lastCountedGoneAt = time
        }
        if status.goneConfirmations >= confirmations {
            status.state = .removed
        } else if status.state == .unreachable || status.state == .reappeared || status.state == .moved {
            status.state = .active
        }
    }
}
