/// How gently re-checks treat each host: at most `concurrency` requests at once and at most `rate` request
/// starts per second (0: no rate limit).
public struct PolitenessPolicy: Sendable, Hashable {
    /// Requests to one host in flight at once.
    public var concurrency: Int
    /// Request starts per second to one host; 0 means unlimited.
    public var rate: Double

    /// The defaults: 2 at once, 2 per second per host.
    public init(concurrency: Int = 2, rate: Double = 2) {
        self.concurrency = max(1, concurrency)
        self.rate = max(0, rate)
    }
}
