import Synchronization

/// The drafter, made the first time a follow-up needs it and kept for the runner's life.
final class LazyDrafter: Sendable {
    private let make: (@Sendable () -> FollowUpDrafter?)?
    private let made = Mutex<FollowUpDrafter??>(nil)

    init(make: (@Sendable () -> FollowUpDrafter?)?) {
        self.make = make
    }

    /// The drafter, or `nil` when none can be made.
    var value: FollowUpDrafter? {
        made.withLock { made in
            if let made { return made }
            let drafter = make?()
            made = .some(drafter)
            return drafter
        }
    }
}
