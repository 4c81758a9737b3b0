import Foundation
import LongarmCore
import LongarmLetters
import LongarmRules
import LongarmStore
import Testing

/// From the store to letters: particulars survive the store, real rules plans render, letter rows are kept.
struct StoredPlanLettersTests {
    static let data = LetterFixtures.templates.deletingLastPathComponent().appendingPathComponent("Data")

    @Test func particularsRoundTripThroughTheStore() throws {
        let store = try LongarmStore.inMemory()
        var caseFile = try store.createCase(CaseFile(holder: "Li Wei", kind: .portrait))
        caseFile.particulars = LetterFixtures.fullCase().particulars
        try store.updateCase(caseFile)
        let id = try #require(caseFile.id)
        let stored = try #require(try store.caseFile(id: id))
        #expect(stored.particulars == LetterFixtures.fullCase().particulars)
        #expect(stored.particulars.indemnity == true)
        #expect(stored.particulars.disclosureConsent == false)
    }

    @Test func lettersForARealRulesPlanNameOnlyEvidenceAsMissing() throws {
        let store = try LongarmStore.inMemory()
        var caseFile = LetterFixtures.fullCase()
        caseFile.id = nil
        caseFile = try store.createCase(caseFile)
        let caseID = try #require(caseFile.id)
        let url = "https://films.example.net/watch/lantern"
        let inserted = try store.addTargets([
            Target(
                caseID: caseID,
                submittedURL: url,
                canonicalURL: url,
                host: "films.example.net",
                registrableDomain: "example.net"
            )
        ])
        guard case .added(let target) = inserted[0], let targetID = target.id else {
            Issue.record("target not added")
            return
        }
        var profile = HostingProfile(
            url: url,
            canonicalUrl: url,
            host: target.host,
            registrableDomain: target.registrableDomain,
            resolvedAt: LetterFixtures.date
        )
        profile.countries.hosting = [try CountryCode("US")]
        let savedProfile = try store.saveProfile(profile, targetID: targetID)
        let book = try RuleBook.load(from: Self.data)
        let plan = NoticePlanner(book: book).plan(
            profile,
            context: PlanningContext(kind: .copyright, holder: caseFile.holder, ownsWork: false)
        )
        try store.savePlan(plan, targetID: targetID, profileID: savedProfile.id)

        let plans = try store.latestPlans(caseID: caseID)
        let planned = try #require(plans[targetID])
        let batch = try LetterComposer(library: try LetterFixtures.library(), book: book).compose(
            caseFile: caseFile,
            targets: [PlannedTarget(target: target, plan: planned.plan, planID: planned.id)],
            options: LetterOptions(formats: [.md], draft: true, date: LetterFixtures.date)
        )
        #expect(!batch.letters.isEmpty)
        #expect(batch.letters.count == planned.plan.rungs.count)
        for letter in batch.letters {
            #expect(letter.missing.allSatisfy { $0.fields == ["evidence"] }, "\(letter.party): \(letter.missing)")
            #expect(letter.text.contains(url))
        }
        let records = try store.saveLetters(
            batch.letters.map {
                LongarmStore.LetterRecord(
                    caseID: caseID,
                    targetID: targetID,
                    planID: planned.id,
                    rungStep: $0.rungStep,
                    party: $0.party,
                    channel: $0.channel.rawValue,
                    language: $0.language,
                    format: $0.format.rawValue,
                    path: "letters/\($0.rungStep).md",
                    sha256: SHA256Hex.of($0.content),
                    draft: $0.draft,
                    createdAt: LetterFixtures.date
                )
            }
        )
        #expect(try store.letters(caseID: caseID) == records)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256Hex.of(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hex.of(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data(repeating: 0x61, count: 1_000)
        #expect(SHA256Hex.of(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func severalTargetsOfOnePartyShareOneLetter() throws {
        let scenario = GoldenScenario.all[0]
        var second = scenario.plannedTarget()
        second.target = LetterFixtures.target(2, "https://films.example.net/watch/lantern-2")
        second.plan.url = second.target.canonicalURL
        let batch = try LetterComposer(library: try LetterFixtures.library()).compose(
            caseFile: LetterFixtures.fullCase(),
            targets: [scenario.plannedTarget(), second],
            options: LetterOptions(formats: [.txt], date: LetterFixtures.date)
        )
        #expect(batch.letters.count == 1)
        let letter = try #require(batch.letters.first)
        #expect(letter.targetIDs == [1, 2])
        #expect(letter.text.contains("https://films.example.net/watch/lantern-2"))
    }
}
