import Synchronization

/// Lets one re-check run at a time into the store: the scheduler's and those `POST /v1/recheck` asks for.
///
/// Two runs at once would not corrupt anything (a check is unique per target and slot), but they would fetch the
/// same pages twice and race on the same targets' statuses; a request that finds a run going gets 409 instead.
public final class RecheckGate: Sendable {
    private let running = Mutex(false)

    /// Creates an open gate.
    public init() {}

    /// Enters when no run is going; `false` when one is.
    func tryEnter() -> Bool {
        running.withLock { running in
            if running { return false }
            running = true
            return true
        }
    }

    /// Leaves after a run.
    func leave() {
        running.withLock { $0 = false }
    }

    /// Whether a run is going now.
    var isRunning: Bool { running.withLock { $0 } }
}
