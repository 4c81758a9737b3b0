import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LongarmCore
import LongarmStore
import Synchronization
import Testing

@testable import LongarmService

@Suite struct TokenBucketTests {
    final class ManualClock: Sendable {
        private let now = Mutex(ContinuousClock.now)
        func advance(_ duration: Duration) { now.withLock { $0 += duration } }
        var instant: ContinuousClock.Instant { now.withLock { $0 } }
    }

    @Test func refillsOneTokenPerIntervalAndKeepsClientsApart() {
        let clock = ManualClock()
        let bucket = TokenBucket(requestsPerMinute: 60) { clock.instant }
        for _ in 0..<60 { #expect(bucket.take("a") == nil) }
        let wait = bucket.take("a")
        #expect(wait != nil)
        #expect(wait.map { $0 <= .seconds(1) } == true)
        #expect(bucket.take("b") == nil, "another client has its own bucket")
        clock.advance(.milliseconds(1100))
        #expect(bucket.take("a") == nil, "one token came back after a second")
        #expect(bucket.take("a") != nil)
        clock.advance(.seconds(120))
        for _ in 0..<60 { #expect(bucket.take("a") == nil) }
        #expect(bucket.take("a") != nil, "the bucket never holds more than its capacity")
    }
}
