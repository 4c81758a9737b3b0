import Foundation
import LongarmCore
import LongarmRules
import LongarmStore
import Testing

@Suite struct PlanStoreTests {
    @Test func storesPlansPerTargetWithTheirProfile() throws {
        let store = try LongarmStore.inMemory()
        #expect(try store.appliedMigrations().contains("v3-plans"))
        let caseFile = try store.createCase(CaseFile(holder: "Li Wei", kind: .portrait))
        let caseID = try #require(caseFile.id)
        _ = try store.addTargets([
            Target(
                caseID: caseID,
                submittedURL: "https://bad.example/x",
                canonicalURL: "https://bad.example/x",
                host: "bad.example",
                registrableDomain: "bad.example"
            )
        ])
        let targetID = try #require(try store.targets(caseID: caseID).first?.id)
        let profile = NoticePlannerTests.hosted(in: "JP")
        let stored = try store.saveProfile(profile, targetID: targetID)
        let plan = NoticePlanner(book: TestData.book).plan(
            profile,
            context: PlanningContext(kind: .portrait, holder: "Li Wei")
        )
        try store.savePlan(plan, targetID: targetID, profileID: stored.id, createdAt: Date(timeIntervalSince1970: 10))
        let newer = try store.savePlan(
            plan,
            targetID: targetID,
            profileID: stored.id,
            createdAt: Date(timeIntervalSince1970: 20)
        )
        let latest = try #require(try store.latestPlans(caseID: caseID)[targetID])
        #expect(latest.id == newer.id)
        #expect(latest.profileID == stored.id)
        #expect(latest.plan == plan)
    }
}
