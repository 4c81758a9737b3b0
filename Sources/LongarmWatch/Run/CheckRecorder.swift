import Foundation
import LongarmCore
import LongarmStore

/// Collects finished checks and stores them in batches while the run goes on: each batch is one transaction, and in
/// it each check commits with its custody entry and the target's new status. Batches are written one after another
/// on the store's writer queue, never blocking a check. A check still in memory when the process dies is simply not
/// stored, so its target stays due and the next run checks it again.
actor CheckRecorder {
    /// A finished check with what the report says about it.
    struct Item: Sendable {
        var write: LongarmStore.CheckWrite
        var url: String
        var detail: String
    }

    /// What the stored checks add up to.
    struct Tally: Sendable {
        var checked = 0
        var duplicates = 0
        var superseded = 0
        var outcomes: [String: Int] = [:]
        var states: [String: Int] = [:]
        var changes: [RecheckReport.Change] = []
        var followUpIDs: [Int64] = []
    }

    private let store: LongarmStore
    private let actorName: String
    private let batchSize: Int
    private let maxDelay: TimeInterval
    private let maxQueued: Int
    private var buffer: [Item] = []
    private var oldest = Date()
    /// The batches handed to the writer and not yet stored, oldest first.
    private var writes: [Task<Void, Never>] = []
    private var failure: (any Error)?
    private(set) var tally = Tally()

    init(store: LongarmStore, actor: String, batchSize: Int, maxDelay: TimeInterval = 0.25, maxQueued: Int = 8) {
        self.store = store
        self.actorName = actor
        self.batchSize = batchSize
        self.maxDelay = maxDelay
        self.maxQueued = maxQueued
    }

    /// Buffers `item`; hands the buffer to the writer when it is full or its oldest check has waited `maxDelay`.
    /// Waits only when `maxQueued` batches are already waiting to be written.
    func add(_ item: Item) async throws {
        if let failure { throw failure }
        if buffer.isEmpty { oldest = Date() }
        buffer.append(item)
        if buffer.count >= batchSize || Date().timeIntervalSince(oldest) >= maxDelay {
            handOver()
            if writes.count > maxQueued {
                let first = writes.removeFirst()
                await first.value
            }
        }
    }

    /// Stores whatever is buffered and waits until every batch is stored; throws the first store failure.
    func flush() async throws {
        handOver()
        while !writes.isEmpty {
            let first = writes.removeFirst()
            await first.value
        }
        if let failure { throw failure }
    }

    private func handOver() {
        guard !buffer.isEmpty else { return }
        let batch = buffer
        buffer.removeAll(keepingCapacity: true)
        let previous = writes.last
        // Unstructured, so that cancelling the run does not cancel storing the checks it finished.
        writes.append(
            Task {
                await previous?.value
                do {
                    let commits = try await store.storeChecks(batch.map(\.write), actor: actorName)
                    absorb(batch, commits)
                } catch {
                    fail(error)
                }
            }
        )
    }

    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
    }

    private func absorb(_ batch: [Item], _ commits: [LongarmStore.CheckCommit]) {
        for (item, commit) in zip(batch, commits) {
            switch commit {
            case .duplicate:
                tally.duplicates += 1
            case .superseded:
                tally.superseded += 1
            case .recorded(let check, let followUpID):
                tally.checked += 1
                tally.outcomes[check.outcome, default: 0] += 1
                tally.states[check.stateAfter.rawValue, default: 0] += 1
                if let followUpID { tally.followUpIDs.append(followUpID) }
                if check.stateBefore != check.stateAfter {
                    tally.changes.append(
                        RecheckReport.Change(
                            targetId: check.targetID,
                            url: item.url,
                            from: check.stateBefore.rawValue,
                            to: check.stateAfter.rawValue,
                            httpStatus: check.httpStatus,
                            hostingChanges: check.hostingChanges,
                            detail: item.detail
                        )
                    )
                }
            }
        }
    }
}
