import LongarmCore
import LongarmStore
import Testing

@Suite struct TargetStoreTests {
    private func target(_ caseID: Int64, _ url: String) -> Target {
        Target(
            caseID: caseID,
            submittedURL: url,
            canonicalURL: url,
            host: "example.com",
            registrableDomain: "example.com"
        )
    }

    @Test func reportsDuplicateWithinCaseWithoutStoringItTwice() throws {
        let store = try LongarmStore.inMemory()
        let id = try #require(try store.createCase(CaseFile(holder: "A", kind: .copyright)).id)
        let results = try store.addTargets([
            target(id, "https://example.com/a"), target(id, "https://example.com/b"),
            target(id, "https://example.com/a"),
        ])
        guard case .added(let first) = results[0], case .duplicate(let original) = results[2] else {
            Issue.record("expected added, added, duplicate; got \(results)")
            return
        }
        #expect(original.id == first.id)
        #expect(
            try store.targets(caseID: id).map(\.canonicalURL) == ["https://example.com/a", "https://example.com/b"]
        )
    }

    @Test func sameURLInTwoCasesIsStoredTwice() throws {
        let store = try LongarmStore.inMemory()
        let one = try #require(try store.createCase(CaseFile(holder: "A", kind: .copyright)).id)
        let two = try #require(try store.createCase(CaseFile(holder: "B", kind: .privacy)).id)
        _ = try store.addTargets([target(one, "https://example.com/a"), target(two, "https://example.com/a")])
        #expect(try store.caseSummaries().map(\.targetCount) == [1, 1])
    }
}
