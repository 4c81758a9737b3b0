import Foundation
import LongarmCore
import Synchronization

/// A token bucket per client: each client may make `capacity` requests at once and regains one every
/// `refillInterval`. Clients are forgotten once their bucket is full again, so memory follows the active clients.
final class TokenBucket: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let capacity: Double
    private let perSecond: Double
    private let clock: @Sendable () -> ContinuousClock.Instant
    private let buckets = Mutex<[String: Bucket]>([:])

    /// A bucket allowing `requests` per minute.
    init(requestsPerMinute requests: Int, clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        capacity = Double(max(1, requests))
        perSecond = Double(max(1, requests)) / 60
        self.clock = clock
    }

    /// Takes one token for `client`; returns `nil` when allowed, or the wait until the next token.
    func take(_ client: String) -> Duration? {
        let now = clock()
        return buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = elapsed.seconds
            bucket.tokens = min(capacity, bucket.tokens + seconds * perSecond)
            bucket.updated = now
            if buckets.count > 10_000 { prune(&buckets, now: now) }
            guard bucket.tokens >= 1 else {
                buckets[client] = bucket
                return .seconds((1 - bucket.tokens) / perSecond)
            }
            bucket.tokens -= 1
            buckets[client] = bucket
            return nil
        }
    }

    /// Drops the buckets that have refilled completely: their clients start afresh anyway.
    private func prune(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant) {
        let full = (capacity / perSecond)
        buckets = buckets.filter { _, bucket in
            let elapsed = now - bucket.updated
            return Double(elapsed.components.seconds) < full
        }
    }
}
