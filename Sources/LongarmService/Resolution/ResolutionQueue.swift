import Synchronization

/// The in-process side of the resolution queue: which targets are being resolved right now, and the doorbell
/// that wakes the worker when new ones arrive.
///
/// The queue itself is the database (targets without a profile), so nothing queued is lost when the process
/// stops; this type only keeps two resolvers in one process from taking the same target.
public final class ResolutionQueue: Sendable {
    private let claimed = Mutex<Set<Int64>>([])
    let signal = WakeSignal()

    /// Creates an empty queue.
    public init() {}

    /// Tells the worker that new targets are waiting.
    public func announce() {
        signal.ring()
    }

    /// Marks the given targets as being resolved and returns those nobody else had taken.
    func claim(_ ids: [Int64]) -> [Int64] {
        claimed.withLock { set in ids.filter { set.insert($0).inserted } }
    }

    /// Releases targets after their resolution ended (stored or failed).
    func release(_ ids: [Int64]) {
        claimed.withLock { set in
            for id in ids { set.remove(id) }
        }
    }

    /// The targets being resolved now.
    var inFlight: Set<Int64> { claimed.withLock { $0 } }

    /// Waits until none of `ids` is being resolved by someone else.
    func waitUntilReleased(_ ids: [Int64]) async {
        while !Task.isCancelled {
            let busy = claimed.withLock { set in ids.contains(where: set.contains) }
            if !busy { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
