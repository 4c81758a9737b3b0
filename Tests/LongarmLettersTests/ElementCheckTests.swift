import Foundation
import LongarmCore
import LongarmLetters
import Testing

/// Removing the case field behind a required element fails rendering with a message naming field and law.
struct ElementCheckTests {
    struct Case: Sendable, CustomStringConvertible {
        var element: String
        var field: String
        var remove: @Sendable (inout CaseFile) -> Void
        var description: String { element }
    }

    static let cases: [Case] = [
        Case(element: "signature", field: "signature") { $0.particulars.signature = nil },
        Case(element: "seal", field: "signature") { $0.particulars.signature = "  " },
        Case(element: "identify-work", field: "work") { $0.work = nil },
        Case(element: "contact", field: "sender-email") {
            $0.particulars.senderEmail = nil
            $0.particulars.senderPhone = nil
        },
        Case(element: "postal-address", field: "sender-address") { $0.particulars.senderAddress = nil },
        Case(element: "real-identity", field: "identity-documents") { $0.particulars.identityDocuments = nil },
        Case(element: "proof-of-rights", field: "proof-of-rights") { $0.particulars.proofOfRights = nil },
        Case(element: "authority-statement", field: "owns-work") { $0.particulars.ownsWork = nil },
        Case(element: "accuracy-under-penalty", field: "owns-work") { $0.particulars.ownsWork = nil },
        Case(element: "indemnity", field: "indemnity") { $0.particulars.indemnity = false },
        Case(element: "undertaking-to-sue", field: "undertaking-to-sue") { $0.particulars.undertakingToSue = nil },
        Case(element: "address-for-service", field: "address-for-service") { $0.particulars.addressForService = nil },
        Case(element: "lawyer-representation", field: "represented-by") { $0.particulars.representedBy = nil },
        Case(element: "disclosure-consent", field: "disclosure-consent") { $0.particulars.disclosureConsent = nil },
        Case(element: "meaning-and-inaccuracy", field: "facts") { $0.particulars.facts = nil },
        Case(element: "preliminary-evidence", field: "evidence") { _ in },
        Case(element: "additional-locators", field: "evidence") { _ in },
        Case(element: "infringement-datetime", field: "evidence") { _ in },
    ]

    static func compose(_ caseFile: CaseFile, element: String, draft: Bool) throws -> LetterComposer.Batch {
        let plan = LetterFixtures.plan(
            url: "https://films.example.net/watch/lantern",
            country: "US",
            regime: "statutory-takedown",
            languages: ["en"],
            elements: ["identify-material-url", element],
            bases: [LegalBasis(instrument: "17 U.S.C.", article: "§ 512(c)(3)(A)(i)", note: "notice elements")]
        )
        let target = PlannedTarget(target: LetterFixtures.target(1, plan.url), plan: plan)
        return try LetterComposer(library: try LetterFixtures.library()).compose(
            caseFile: caseFile,
            targets: [target],
            options: LetterOptions(formats: [.txt], draft: draft, date: LetterFixtures.date)
        )
    }

    @Test(arguments: cases)
    func missingFieldFailsWithFieldAndLaw(_ item: Case) throws {
        var caseFile = LetterFixtures.fullCase()
        if item.field != "evidence" {
            // With the field present the letter renders and records the element as satisfied.
            let batch = try Self.compose(caseFile, element: item.element, draft: false)
            let letter = try #require(batch.letters.first)
            #expect(letter.satisfied.contains { $0.element.rawValue == item.element })
        }
        item.remove(&caseFile)
        do {
            _ = try Self.compose(caseFile, element: item.element, draft: false)
            Issue.record("\(item.element): rendering succeeded without \(item.field)")
        } catch let error as LetterError {
            #expect(error.code == .missingElements)
            #expect(error.description.hasPrefix("case 3: the US statutory-takedown notice to Example Hosting GmbH"))
            #expect(error.description.contains("(17 U.S.C. § 512(c)(3)(A)(i))"))
            #expect(error.description.contains("needs \(item.field)"))
            #expect(error.missing.map(\.element.rawValue) == [item.element])
            if item.field != "evidence" {
                #expect(error.description.contains("longarm case set 3 --\(item.field)"))
            }
        }
    }

    @Test func signatureMessageMatchesTheDocumentedForm() throws {
        var caseFile = LetterFixtures.fullCase()
        caseFile.particulars.signature = nil
        #expect(throws: LetterError.self) { try Self.compose(caseFile, element: "signature", draft: false) }
        do {
            _ = try Self.compose(caseFile, element: "signature", draft: false)
        } catch let error as LetterError {
            #expect(
                error.description
                    == "case 3: the US statutory-takedown notice to Example Hosting GmbH (17 U.S.C. § 512(c)(3)(A)(i)) "
                    + "needs signature: set it with longarm case set 3 --signature …"
            )
        }
    }

    @Test func draftRendersVisiblePlaceholdersAndMarksTheLetter() throws {
        var caseFile = LetterFixtures.fullCase()
        caseFile.particulars.signature = nil
        let batch = try Self.compose(caseFile, element: "signature", draft: true)
        let letter = try #require(batch.letters.first)
        #expect(letter.draft)
        #expect(letter.missing.map(\.fields) == [["signature"]])
        #expect(letter.text.contains("[MISSING: signature]"))
        #expect(letter.text.contains("[DRAFT]"))
        #expect(letter.text.contains("DRAFT: complete every item marked"))
    }

    @Test func addressForServiceIsNotAskedOfAResidentHolder() throws {
        var caseFile = LetterFixtures.fullCase(holderCountry: "US")
        caseFile.particulars.addressForService = nil
        let batch = try Self.compose(caseFile, element: "address-for-service", draft: false)
        #expect(batch.letters.first?.draft == false)
    }
}
