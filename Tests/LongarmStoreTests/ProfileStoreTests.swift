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

    @Test func savingProfilesInBatchesChainsOneEntryPerRowAndKeepsTheBatchesCommittedBeforeAFailure() throws {
        let store = try LongarmStore.inMemory()
        let caseID = try #require(try store.createCase(CaseFile(holder: "A", kind: .copyright)).id)
        let count = LongarmStore.profilesPerTransaction + 2
        let added = try store.addTargets(
            (0..<count).map { index in
                Target(
                    caseID: caseID,
                    submittedURL: "https://s\(index).example/",
                    canonicalURL: "https://s\(index).example/",
                    host: "s\(index).example",
                    registrableDomain: "s\(index).example"
                )
            }
        )
        let ids = added.compactMap { insertion -> Int64? in
            guard case .added(let target) = insertion else { return nil }
            return target.id
        }
        #expect(ids.count == count)
        let profiles = ids.enumerated().map { index, id in
            var profile = HostingProfile(
                url: "https://s\(index).example/",
                canonicalUrl: "https://s\(index).example/",
                host: "s\(index).example",
                registrableDomain: "s\(index).example"
            )
            profile.countries.hosting = [index.isMultiple(of: 2) ? try! CountryCode("SG") : try! CountryCode("RU")]
            return (profile: profile, targetID: id)
        }
        let stored = try store.saveProfiles(profiles, actor: "batch")
        #expect(stored.map(\.targetID) == ids)
        let log = try store.custodyLog()
        #expect(log.count == count)
        for (entry, row) in zip(log, stored) {
            #expect(entry.entry.object == "target:\(row.targetID)/profile:\(row.id)")
            let json = try #require(try store.storedProfileJSON(id: row.id))
            #expect(entry.entry.digest == SHA256.hash(data: json).map { String(format: "%02x", $0) }.joined())
        }
        #expect(zip(log.dropFirst(), log).allSatisfy { $0.entry.prev == $1.entry.chainHash })

        // A profile for a target that does not exist fails its transaction: the first full one stays stored.
        var failing = profiles
        failing[count - 1].targetID = 999_999
        #expect(throws: (any Error).self) { try store.saveProfiles(failing, actor: "again") }
        let after = try store.custodyLog()
        #expect(after.count == count + LongarmStore.profilesPerTransaction)
        #expect(after.last?.entry.actor == "again")
        #expect(try store.profileHistory(targetID: ids[count - 2]).count == 1, "the failed transaction left nothing")
        #expect(try store.profileHistory(targetID: ids[0]).count == 2)
    }
}
