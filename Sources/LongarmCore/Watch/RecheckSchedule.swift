public import Foundation

/// When a target is checked next: a per-target interval with jitter, sooner while a removal awaits
/// confirmation, and backing off while the site cannot be reached.
public struct RecheckSchedule: Sendable, Hashable {
    /// The usual time between checks of an active target.
    public var interval: Duration
    /// The fraction of the interval by which checks are spread (0.1 = ±10 %), so that targets added
    /// together do not all hit their hosts at the same moment.
    public var jitter: Double
    /// The longest wait after repeated failures.
    public var maximumBackoff: Duration
    /// The judge whose spacing paces the confirmation of a removal.
    public var judge: RemovalJudge

    public init(
        interval: Duration = .seconds(24 * 3600),
        jitter: Double = 0.1,
        maximumBackoff: Duration = .seconds(7 * 24 * 3600),
        judge: RemovalJudge = RemovalJudge()
    ) {
        self.interval = interval
        self.jitter = min(max(jitter, 0), 0.5)
        self.maximumBackoff = maximumBackoff
        self.judge = judge
    }

    /// The time of the next check of target `targetID`, which was checked at `time` and now has `status`.
    public func nextCheck(after time: Date, status: WatchStatus, targetID: Int64) -> Date {
        var wait = interval.seconds
        if status.goneConfirmations > 0 && status.state != .removed {
            wait = judge.spacing.seconds
        } else if status.consecutiveFailures > 0 {
            // The spacing paces the back-off, but never below 15 minutes: `--spacing 0s` must not hammer a dead site.
            let factor = pow(2.0, Double(min(status.consecutiveFailures, 20)))
            wait = min(max(judge.spacing.seconds, 900) * factor / 2, maximumBackoff.seconds)
        } else if status.state == .removed {
            // Removed content is still watched, less often, for re-uploads at the same URL.
            wait = interval.seconds * 7
        }
        return time.addingTimeInterval(wait * (1 + jitter * Self.spread(targetID)))
    }

    /// A fixed number in [-1, 1) per target: the same target always gets the same offset, so its
    /// checks keep a steady rhythm and tests need no random numbers.
    static func spread(_ targetID: Int64) -> Double {
        var x = UInt64(bitPattern: targetID) &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        return Double(x >> 11) / Double(1 << 52) - 1
    }
}
