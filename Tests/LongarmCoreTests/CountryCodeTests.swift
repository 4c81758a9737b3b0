import Foundation
import LongarmCore
import Testing

@Suite struct CountryCodeTests {
    @Test(arguments: ["cn", "US", " de ", "EU"])
    func acceptsAssignedCodesInAnyCase(_ text: String) throws {
        #expect(try CountryCode(text).rawValue == text.trimmingCharacters(in: .whitespaces).uppercased())
    }

    @Test(arguments: ["XX", "UK", "CHN", "", "1"])
    func rejectsUnassignedCodes(_ text: String) {
        #expect(throws: IntakeError.self) { try CountryCode(text) }
    }
}
