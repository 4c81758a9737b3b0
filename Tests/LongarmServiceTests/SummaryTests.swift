import Foundation
import LongarmCore
import LongarmResolve
import LongarmStore
import LongarmWorkflow
import Testing

@testable import LongarmService

/// The summaries read a few fields out of the stored JSON; these tests keep them in step with the full types.
@Suite struct SummaryTests {
    @Test func summariesReadTheSameFactsAsTheFullProfileAndPlan() async throws {
        let harness = try ServiceHarness()
        let store = harness.server.dependencies.store
        let caseFile = try store.createCase(CaseFile(holder: "Li Wei", kind: .portrait))
        let caseID = try #require(caseFile.id)
        let results = try store.addTargets([
            Target(
                caseID: caseID,
                submittedURL: "https://videos.deepclip-host.net/v/1",
                canonicalURL: "https://videos.deepclip-host.net/v/1",
                host: "videos.deepclip-host.net",
                registrableDomain: "deepclip-host.net"
            )
        ])
        guard case .added(let target) = try #require(results.first) else {
            Issue.record("not added")
            return
        }
        try await TargetResolution.resolveAndStore([target], resolver: harness.hosting.resolver(), store: store)
        _ = try CasePlanning(planner: harness.server.dependencies.planner).planCase(caseFile, store: store)
        let targetID = try #require(target.id)

        let profile = try #require(try store.latestProfiles(caseID: caseID)[targetID])
        let profileDigest = try #require(
            try store.latestProfiles(caseID: caseID, as: ProfileSummary.Digest.self)[targetID]
        )
        let summary = ProfileSummary(profileDigest)
        #expect(summary.profileId == profile.id)
        #expect(summary.addresses == profile.profile.addresses.map(\.ip))
        #expect(summary.asns == [24940])
        #expect(summary.hostingCountries == profile.profile.countries.hosting.map(\.rawValue))
        #expect(summary.hostingCountries == ["DE"])
        #expect(summary.registrar == profile.profile.domain?.registrar?.name)
        #expect(summary.registrar == "Namecheap")
        #expect(summary.originHidden == profile.profile.origin.hidden)
        #expect(summary.warnings == profile.profile.warnings)
        #expect(abs(summary.resolvedAt.timeIntervalSince(profile.profile.resolvedAt)) < 1)

        let plan = try #require(try store.latestPlans(caseID: caseID)[targetID])
        // The view the API shows reads the plan back through the store, frames and all.
        let view = try #require(try TargetView.of(caseID: caseID, targets: [target], store: store).first)
        #expect(view.stage == .planned)
        let planSummary = try #require(view.plan)
        #expect(planSummary.planId == plan.id)
        #expect(try store.latestPlans(caseID: caseID, targetIDs: [targetID + 1]).isEmpty)
        #expect(planSummary.lawCountry == plan.plan.lawCountry?.rawValue)
        #expect(planSummary.rungs == plan.plan.rungs.count)
        #expect(planSummary.firstParty == plan.plan.rungs.first?.party.name)
        #expect(planSummary.rungs > 0)
    }
}
