import Foundation
import Synchronization
import Testing

@testable import LongarmEvidence

@Suite struct FolderSyncTests {
    @Test func overlappingRequestsShareSyncsAndEachIsCoveredByOneStartedAfterIt() async throws {
        let sync = FolderSync()
        let folder = URL(fileURLWithPath: "/tmp/longarm-folder-sync-test")
        // (start, end) of every fsync performed, and (request, return) of every caller, in a shared clock.
        let syncs = Mutex<[(start: UInt64, end: UInt64)]>([])
        let callers = Mutex<[(asked: UInt64, returned: UInt64)]>([])
        DispatchQueue.concurrentPerform(iterations: 24) { _ in
            let asked = DispatchTime.now().uptimeNanoseconds
            try? sync.sync(folder) { _ in
                let start = DispatchTime.now().uptimeNanoseconds
                Thread.sleep(forTimeInterval: 0.02)
                syncs.withLock { $0.append((start, DispatchTime.now().uptimeNanoseconds)) }
            }
            let returned = DispatchTime.now().uptimeNanoseconds
            callers.withLock { $0.append((asked, returned)) }
        }
        let performed = syncs.withLock { $0 }
        let served = callers.withLock { $0 }
        #expect(served.count == 24)
        #expect(performed.count < 24, "no coalescing: \(performed.count) syncs for 24 callers")
        for caller in served {
            #expect(performed.contains { $0.start >= caller.asked && $0.end <= caller.returned })
        }
    }

    @Test func aFailedSyncIsReportedToTheCallersItCovered() {
        let sync = FolderSync()
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try sync.sync(URL(fileURLWithPath: "/tmp/x")) { _ in throw Broken() }
        }
        #expect(throws: Never.self) {
            try sync.sync(URL(fileURLWithPath: "/tmp/x")) { _ in }
        }
    }
}
