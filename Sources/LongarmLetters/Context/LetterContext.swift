/// Everything one letter body prints, in one language: the typed context every template renders.
///
/// Templates see this value only through ``MustacheContextEncoder``, so a renamed field is caught by the template
/// check rather than printing a blank.
public struct LetterContext: Sendable, Codable, Hashable {
    /// The sender block.
    public struct Sender: Sendable, Codable, Hashable {
        public var name: String
        public var email: String?
        public var address: String?
        public var phone: String?
        public var representedBy: String?
        public var addressForService: String?
    }

    /// The recipient block.
    public struct Recipient: Sendable, Codable, Hashable {
        public var name: String
        public var role: String
        public var country: String?
        public var channel: String
        public var address: String?
    }

    /// One provision cited.
    public struct Basis: Sendable, Codable, Hashable {
        public var citation: String
        public var note: String?
        /// The uncertainty mark in this language, when the rules mark the citation uncertain.
        public var uncertain: String?
    }

    /// One row of the evidence table.
    public struct EvidenceRow: Sendable, Codable, Hashable {
        public var url: String
        public var capturedAt: String
        public var sha256: String
        public var serverAddress: String?
    }

    /// The evidence block.
    public struct Evidence: Sendable, Codable, Hashable {
        public var rows: [EvidenceRow]
        public var manifestName: String?
    }

    /// The language of this body (BCP 47).
    public var language: String
    public var title: String
    public var greeting: String
    public var intro: String
    public var headings: Phrasebook.Headings
    public var labels: Phrasebook.Labels
    public var sender: Sender
    public var holder: String
    public var recipient: Recipient
    public var urls: [String]
    public var work: String
    public var explanation: String
    public var facts: String?
    public var legalBasis: [Basis]
    public var requestedAction: String
    public var deadline: String?
    public var evidence: Evidence?
    public var statements: [String]
    /// True when `statements` is not empty (Mustache cannot test an array's emptiness without iterating it).
    public var hasStatements: Bool
    public var closing: String
    public var signature: String
    public var date: String
    public var footer: [String]
}
