import Foundation
import LongarmCore
import LongarmStore
import Testing

@Suite struct ProfileStoreTests {
    @Test func latestProfileWinsAndHistoryKeepsAll() throws {
        let store = try LongarmStore.inMemory()
        let caseID = try #require(try store.createCase(CaseFile(holder: "A", kind: .portrait)).id)
        let added = try store.addTargets([
            Target(
                caseID: caseID,
                submittedURL: "https://a.example.com/",
                canonicalURL: "https://a.example.com/",
                host: "a.example.com",
                registrableDomain: "example.com"
            )
        ])
        guard case .added(let target) = added[0], let targetID = target.id else {
            Issue.record("target not added")
            return
        }
        var old = HostingProfile(
            url: target.submittedURL,
            canonicalUrl: target.canonicalURL,
            host: target.host,
            registrableDomain: target.registrableDomain,
            resolvedAt: Date(timeIntervalSince1970: 1_000)
        )
        old.countries.hosting = [try CountryCode("SG")]
        var new = old
        new.countries.hosting = [try CountryCode("RU")]
        new.resolvedAt = Date(timeIntervalSince1970: 2_000)
        try store.saveProfile(new, targetID: targetID)
        try store.saveProfile(old, targetID: targetID)

        let latest = try #require(try store.latestProfiles(caseID: caseID)[targetID])
        #expect(latest.profile.countries.hosting.map(\.rawValue) == ["RU"])
        #expect(
            try store.profileHistory(targetID: targetID).map(\.profile.resolvedAt) == [old.resolvedAt, new.resolvedAt]
        )
    }
}
