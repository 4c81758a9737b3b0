import Foundation

/// A small pool of threads for blocking socket work, keeping it off Swift's cooperative thread pool.
///
/// DNS exchanges, WHOIS queries and `getaddrinfo` block a thread until their deadline at worst; the pool bounds
/// how many run at once (`maxThreads`) and queues the rest, so many queries can be in flight without starving
/// the async tasks that await them. Threads start on demand and then stay for the life of the process.
package final class BlockingPool: @unchecked Sendable {
    /// The process-wide pool shared by the DNS and WHOIS clients.
    package static let shared = BlockingPool(maxThreads: 32)

    private let maxThreads: Int
    // Guards `jobs`, `threads` and `idle`; `@unchecked Sendable` rests on every access holding it.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var threads = 0
    private var idle = 0

    /// Creates a pool that runs at most `maxThreads` jobs at once.
    package init(maxThreads: Int) {
        self.maxThreads = max(1, maxThreads)
    }

    /// Runs `work` on a pool thread and returns its result.
    package func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try work() }) }
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        if idle == 0 && threads < maxThreads {
            threads += 1
            let thread = Thread { [self] in self.workLoop() }
            thread.name = "longarm.net.blocking"
            thread.start()
        } else {
            condition.signal()
        }
        condition.unlock()
    }

    private func workLoop() {
        while true {
            condition.lock()
            while jobs.isEmpty {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
