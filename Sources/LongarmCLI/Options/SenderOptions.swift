import ArgumentParser
import LongarmCore

/// The letter particulars of a case, shared by `case new` and `case set`.
struct SenderOptions: ParsableArguments {
    @Option(help: "Who signs the letters.") var senderName: String?
    @Option(help: "The sender's e-mail address.") var senderEmail: String?
    @Option(help: "The sender's postal address.") var senderAddress: String?
    @Option(help: "The sender's phone number.") var senderPhone: String?
    @Option(help: "The signature to print (a typed /name/ or a note that it is signed by hand).") var signature: String?
    @Option(help: "Who represents the holder (law firm, agent).") var representedBy: String?
    @Option(help: "An address for service in the notice's country.") var addressForService: String?
    @Option(help: "Whether the sender owns the work: yes or no.") var ownsWork: String?
    @Option(help: "What the content is and why it infringes, in the holder's words.") var facts: String?
    @Option(help: "Proof of the right (registration number, certificate).") var proofOfRights: String?
    @Option(help: "Identity documents enclosed (passport copy, company registration).") var identityDocuments: String?
    @Option(help: "Whether the holder indemnifies the provider: yes or no.") var indemnity: String?
    @Option(help: "Whether the holder undertakes to sue in time: yes or no.") var undertakingToSue: String?
    @Option(help: "Whether the holder's name may go to the poster: yes or no.") var disclosureConsent: String?
    @Option(help: "The holder's language for the cover summary (BCP 47).") var language: String?

    func validate() throws {
        for (name, value) in [
            ("owns-work", ownsWork), ("indemnity", indemnity), ("undertaking-to-sue", undertakingToSue),
            ("disclosure-consent", disclosureConsent),
        ] {
            if let value, Self.yesNo(value) == nil { throw ValidationError("--\(name) \(value): expected yes or no") }
        }
    }

    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true", "y": true
        case "no", "false", "n": false
        default: nil
        }
    }

    /// Overlays every option given on `particulars`; an empty string clears a field.
    func apply(to particulars: inout LetterParticulars) {
        func set(_ value: String?, _ path: WritableKeyPath<LetterParticulars, String?>) {
            guard let value else { return }
            particulars[keyPath: path] = value.isEmpty ? nil : value
        }
        func flag(_ value: String?, _ path: WritableKeyPath<LetterParticulars, Bool?>) {
            guard let value else { return }
            particulars[keyPath: path] = value.isEmpty ? nil : Self.yesNo(value)
        }
        set(senderName, \.senderName)
        set(senderEmail, \.senderEmail)
        set(senderAddress, \.senderAddress)
        set(senderPhone, \.senderPhone)
        set(signature, \.signature)
        set(representedBy, \.representedBy)
        set(addressForService, \.addressForService)
        flag(ownsWork, \.ownsWork)
        set(facts, \.facts)
        set(proofOfRights, \.proofOfRights)
        set(identityDocuments, \.identityDocuments)
        flag(indemnity, \.indemnity)
        flag(undertakingToSue, \.undertakingToSue)
        flag(disclosureConsent, \.disclosureConsent)
        set(language, \.language)
    }
}
