public import Foundation

/// The re-check memory of one target: its state and what the next observation is judged against.
public struct WatchStatus: Sendable, Hashable, Codable {
    /// The state after the latest check.
    public var state: TargetState
    /// Gone observations counted towards confirming removal (consecutive, each at least the spacing apart).
    public var goneConfirmations: Int
    /// When the latest counted gone observation was made.
    public var lastCountedGoneAt: Date?
    /// The hosting at the latest check that had one.
    public var hosting: HostingSignature?
    /// Consecutive checks that failed to reach the site, for back-off.
    public var consecutiveFailures: Int

    /// A target never checked: active, nothing counted.
    public init(
        state: TargetState = .active,
        goneConfirmations: Int = 0,
        lastCountedGoneAt: Date? = nil,
        hosting: HostingSignature? = nil,
        consecutiveFailures: Int = 0
    ) {
        self.state = state
        self.goneConfirmations = goneConfirmations
        self.lastCountedGoneAt = lastCountedGoneAt
        self.hosting = hosting
        self.consecutiveFailures = consecutiveFailures
    }
}
