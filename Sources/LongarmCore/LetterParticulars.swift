import Foundation

/// What letters need from the rights holder's side: who signs, how to reach them, and what they can prove.
///
/// Every field is optional: a case starts without them, and the letters step names the ones a plan still needs.
public struct LetterParticulars: Sendable, Codable, Hashable {
    /// The person who signs the letters (the holder, or someone acting for the holder).
    public var senderName: String?
    /// The sender's e-mail address, for replies.
    public var senderEmail: String?
    /// The sender's postal address.
    public var senderAddress: String?
    /// The sender's telephone number.
    public var senderPhone: String?
    /// The signature to print: a typed name (`/Li Wei/`) or a note that the letter is signed by hand or sealed.
    public var signature: String?
    /// Who represents the holder (a law firm, an agent), if anyone.
    public var representedBy: String?
    /// An address for service inside the jurisdiction of a notice, for a holder not resident there.
    public var addressForService: String?
    /// Whether the sender owns the work or right (`false`: acting with the owner's authority).
    public var ownsWork: Bool?
    /// What the content is and why it infringes, in the holder's words.
    public var facts: String?
    /// Proof of the right: a registration number, a certificate, evidence of authorship.
    public var proofOfRights: String?
    /// The identity documents enclosed (passport copy, company registration, seal certificate).
    public var identityDocuments: String?
    /// Whether the holder undertakes to indemnify the service provider for acting on the notice.
    public var indemnity: Bool?
    /// Whether the holder undertakes to sue within the statutory period.
    public var undertakingToSue: Bool?
    /// Whether the holder consents to its name and e-mail being passed to the poster.
    public var disclosureConsent: Bool?
    /// The holder's preferred language (BCP 47) for the cover summary; defaults from the holder's country.
    public var language: String?

    /// Creates particulars; every field defaults to unknown.
    public init(
        senderName: String? = nil,
        senderEmail: String? = nil,
        senderAddress: String? = nil,
        senderPhone: String? = nil,
        signature: String? = nil,
        representedBy: String? = nil,
        addressForService: String? = nil,
        ownsWork: Bool? = nil,
        facts: String? = nil,
        proofOfRights: String? = nil,
        identityDocuments: String? = nil,
        indemnity: Bool? = nil,
        undertakingToSue: Bool? = nil,
        disclosureConsent: Bool? = nil,
        language: String? = nil
    ) {
        self.senderName = senderName
        self.senderEmail = senderEmail
        self.senderAddress = senderAddress
        self.senderPhone = senderPhone
        self.signature = signature
        self.representedBy = representedBy
        self.addressForService = addressForService
        self.ownsWork = ownsWork
        self.facts = facts
        self.proofOfRights = proofOfRights
        self.identityDocuments = identityDocuments
        self.indemnity = indemnity
        self.undertakingToSue = undertakingToSue
        self.disclosureConsent = disclosureConsent
        self.language = language
    }
}
