import ArgumentParser
import LongarmCore
import Testing

@testable import LongarmCLI

@Suite struct LettersCommandParsingTests {
    @Test func caseSetAppliesEverySenderOption() throws {
        let command = try LongarmCommand.parseAsRoot([
            "case", "set", "3", "--sender-name", "Li Wei", "--sender-email", "li@example.com", "--sender-address",
            "Hangzhou", "--sender-phone", "+86 1", "--signature", "/Li Wei/", "--represented-by", "Firm",
            "--address-for-service", "Singapore", "--owns-work", "no", "--facts", "F", "--proof-of-rights", "R",
            "--identity-documents", "ID", "--indemnity", "yes", "--undertaking-to-sue", "yes",
            "--disclosure-consent", "no", "--language", "zh-Hans",
        ])
        let set = try #require(command as? CaseSetCommand)
        #expect(set.caseID == 3)
        var particulars = LetterParticulars(senderPhone: "old")
        set.sender.apply(to: &particulars)
        #expect(
            particulars
                == LetterParticulars(
                    senderName: "Li Wei",
                    senderEmail: "li@example.com",
                    senderAddress: "Hangzhou",
                    senderPhone: "+86 1",
                    signature: "/Li Wei/",
                    representedBy: "Firm",
                    addressForService: "Singapore",
                    ownsWork: false,
                    facts: "F",
                    proofOfRights: "R",
                    identityDocuments: "ID",
                    indemnity: true,
                    undertakingToSue: true,
                    disclosureConsent: false,
                    language: "zh-Hans"
                )
        )
    }

    @Test func emptyValueClearsAField() throws {
        let command = try LongarmCommand.parseAsRoot(["case", "set", "1", "--signature", ""])
        let set = try #require(command as? CaseSetCommand)
        var particulars = LetterParticulars(signature: "/x/")
        set.sender.apply(to: &particulars)
        #expect(particulars.signature == nil)
    }

    @Test(arguments: [
        ["case", "set", "1", "--owns-work", "maybe"],
        ["case", "new", "--holder", "A", "--kind", "copyright", "--indemnity", "perhaps"],
        ["letters", "1", "--out", "x", "--format", "pdf"],
        ["letters", "1"],
    ])
    func rejectsBadArguments(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try LongarmCommand.parseAsRoot(arguments) }
    }

    @Test func lettersParsesFormatsLanguageAndDraft() throws {
        let command = try LongarmCommand.parseAsRoot([
            "letters", "2", "--out", "/tmp/l", "--format", "eml,form", "--lang", "ja", "--draft", "--json",
        ])
        let letters = try #require(command as? LettersCommand)
        #expect(letters.format == "eml,form")
        #expect(letters.lang == "ja")
        #expect(letters.draft)
        #expect(letters.output.json)
    }
}
