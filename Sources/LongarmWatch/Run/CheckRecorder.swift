import Foundation
import LongarmCore
import LongarmStore

/// Collects finished checks and stores them in batches: each batch is one transaction, and in it each check
/// commits with its custody entry and the target's new status. A check still in the buffer when the process dies
/// is simply not stored, so its target stays due and the next run checks it again.
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
    private var buffer: [Item] = []
    private var oldest = Date()
    private(set) var tally = Tally()

    init(store: LongarmStore, actor: String, batchSize: Int, maxDelay: TimeInterval = 0.25) {
        self.store = store
        self.actorName = actor
        self.batchSize = batchSize
        self.maxDelay = maxDelay
    }

    /// Buffers `item`; stores the buffer when it is full or its oldest check has waited `maxDelay` (wall clock).
    func add(_ item: Item) throws {
        if buffer.isEmpty { oldest = Date() }
        buffer.append(item)
        if buffer.count >= batchSize || Date().timeIntervalSince(oldest) >= maxDelay {
            try flush()
        }
    }

    /// Stores whatever is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        let batch = buffer
        buffer.removeAll(keepingCapacity: true)
        let commits = try store.recordChecks(batch.map(\.write), actor: actorName)
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
