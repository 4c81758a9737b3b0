import Foundation

/// Coalesces folder fsyncs: many writers renaming into one folder share one fsync when they overlap.
///
/// A writer asks after its rename; a sync that *starts* after the request covers it. While one sync runs,
/// later requests wait and are all covered by the next single sync, so N concurrent captures into
/// `warc/case-3/` cost about two folder fsyncs instead of N.
final class FolderSync: @unchecked Sendable {
    static let shared = FolderSync()

    private struct State {
        var requested = 0
        var completed = 0
        var running = false
        var failure: (any Error)?
    }

    // NSCondition, not a Mutex: waiters must sleep until the running sync finishes. Guarded state below.
    private let condition = NSCondition()
    private var states: [String: State] = [:]

    /// Returns once an fsync of `folder` that began after this call has finished.
    func sync(_ folder: URL, using fsyncFolder: (URL) throws -> Void) throws {
        let key = folder.standardizedFileURL.path
        condition.lock()
        defer { condition.unlock() }
        states[key, default: State()].requested += 1
        let ticket = states[key]!.requested
        while true {
            if states[key]!.completed >= ticket {
                if let failure = states[key]!.failure { throw failure }
                return
            }
            if states[key]!.running {
                condition.wait()
                continue
            }
            states[key]!.running = true
            let covers = states[key]!.requested
            condition.unlock()
            var failure: (any Error)?
            do { try fsyncFolder(folder) } catch { failure = error }
            condition.lock()
            states[key]!.running = false
            states[key]!.completed = max(states[key]!.completed, covers)
            states[key]!.failure = failure
            condition.broadcast()
        }
    }
}
