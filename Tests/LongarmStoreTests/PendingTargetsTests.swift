import Foundation
import LongarmCore
import LongarmStore
import Testing

@Suite struct PendingTargetsTests {
    @Test func targetsWithoutAProfileAreTheQueueOldestFirst() throws {
        let store = try LongarmStore.inMemory()
        let caseID = try #require(try store.createCase(CaseFile(holder: "A", kind: .portrait)).id)
        let added = try store.addTargets(
            (1...5).map {
                Target(
                    caseID: caseID,
                    submittedURL: "https://a.example/\($0)",
                    canonicalURL: "https://a.example/\($0)",
                    host: "a.example",
                    registrableDomain: "a.example"
                )
            }
        )
        let ids = added.compactMap { result -> Int64? in
            if case .added(let target) = result { return target.id }
            return nil
        }
        #expect(try store.unresolvedTargetCount() == 5)
        #expect(try store.unresolvedTargets(limit: 2).map(\.id) == [ids[0], ids[1]])

        let profile = HostingProfile(
            url: "https://a.example/1",
            canonicalUrl: "https://a.example/1",
            host: "a.example",
            registrableDomain: "a.example",
            resolvedAt: Date()
        )
        try store.saveProfile(profile, targetID: ids[0])
        #expect(try store.unresolvedTargetCount() == 4)
        #expect(try store.unresolvedTargets(limit: 2, excluding: [ids[1]]).map(\.id) == [ids[2], ids[3]])
        #expect(try store.unresolvedTargets(limit: 10, excluding: [ids[1], ids[2]]).map(\.id) == [ids[3], ids[4]])
        #expect(try store.unresolvedTargets(limit: 0).isEmpty)
        let counts = try store.counts()
        #expect(counts.cases == 1)
        #expect(counts.targets == 5)
    }
}
