import Crypto
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

    @Test func savingAProfileAppendsAResolveCustodyEntryWithTheDigestOfTheStoredJSON() throws {
        let store = try LongarmStore.inMemory()
        let caseID = try #require(try store.createCase(CaseFile(holder: "A", kind: .portrait)).id)
        let added = try store.addTargets([
            Target(
                caseID: caseID,
                submittedURL: "https://b.example.com/",
                canonicalURL: "https://b.example.com/",
                host: "b.example.com",
                registrableDomain: "example.com"
            )
        ])
        guard case .added(let target) = added[0], let targetID = target.id else {
            Issue.record("target not added")
            return
        }
        try store.appendCustody(actor: "test", action: "capture", object: "capture:1", digest: "")
        var profile = HostingProfile(
            url: target.submittedURL,
            canonicalUrl: target.canonicalURL,
            host: target.host,
            registrableDomain: target.registrableDomain
        )
        profile.countries.hosting = [try CountryCode("NL")]
        let stored = try store.saveProfile(profile, targetID: targetID, actor: "longarm/test (ana@desk)")

        let log = try store.custodyLog()
        #expect(log.count == 2)
        let entry = try #require(log.last?.entry)
        #expect(entry.action == "resolve")
        #expect(entry.actor == "longarm/test (ana@desk)")
        #expect(entry.object == "target:\(targetID)/profile:\(stored.id)")
        #expect(entry.prev == log[0].entry.chainHash, "the entry is chained to the one before it")
        let json = try #require(try store.storedProfileJSON(id: stored.id))
        let digest = SHA256.hash(data: json).map { String(format: "%02x", $0) }.joined()
        #expect(entry.digest == digest)
        #expect(String(decoding: json, as: UTF8.self).contains("\"NL\""), "the digest covers the stored profile")
    }
}
