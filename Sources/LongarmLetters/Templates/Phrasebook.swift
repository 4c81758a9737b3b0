import Foundation

/// The sentences and headings of letters in one language, loaded from `Templates/phrases/<language>.yaml`.
///
/// Every key is required, so a translation that lacks one fails to load rather than printing a blank.
public struct Phrasebook: Sendable, Codable, Hashable {
    /// Titles and opening sentences per regime template.
    public struct PerRegime: Sendable, Codable, Hashable {
        public var statutory: String
        public var dsa: String
        public var noticeAndNotice: String
        public var knowledge: String
        public var terms: String
        public var court: String
        public var regulator: String

        func value(for key: RegimeKey) -> String {
            switch key {
            case .statutory: statutory
            case .dsa: dsa
            case .noticeAndNotice: noticeAndNotice
            case .knowledge: knowledge
            case .terms: terms
            case .court: court
            case .regulator: regulator
            }
        }
    }

    /// Section headings.
    public struct Headings: Sendable, Codable, Hashable {
        public var sender: String
        public var recipient: String
        public var material: String
        public var explanation: String
        public var facts: String
        public var legalBasis: String
        public var action: String
        public var deadline: String
        public var evidence: String
        public var statements: String
        public var signature: String
    }

    /// Field labels.
    public struct Labels: Sendable, Codable, Hashable {
        public var name: String
        public var email: String
        public var address: String
        public var phone: String
        public var representedBy: String
        public var addressForService: String
        public var role: String
        public var url: String
        public var capturedAt: String
        public var sha256: String
        public var server: String
        public var date: String
        public var manifest: String
    }

    /// Requested actions.
    public struct Actions: Sendable, Codable, Hashable {
        public var remove: String
        public var forward: String
        public var delist: String
        public var review: String
    }

    /// Explanations per infringement kind.
    public struct Explanations: Sendable, Codable, Hashable {
        public var copyright: String
        public var portrait: String
        public var reputation: String
        public var privacy: String
        public var trademark: String
    }

    /// Footer sentences.
    public struct Footer: Sendable, Codable, Hashable {
        public var draftedBy: String
        public var translation: String
        public var draft: String
        public var uncertain: String
    }

    /// The cover summary for the holder.
    public struct Cover: Sendable, Codable, Hashable {
        public var title: String
        public var intro: String
        public var letter: String
        public var missing: String
        public var complete: String
        public var review: String
    }

    /// The language (BCP 47).
    public var language: String
    /// The language's own name.
    public var name: String
    /// False for a translation nobody has reviewed yet.
    public var reviewed: Bool
    /// The e-mail subject; `{work}` is replaced.
    public var subject: String
    public var titles: PerRegime
    public var intros: PerRegime
    public var greeting: String
    public var closing: String
    public var headings: Headings
    public var labels: Labels
    public var actions: Actions
    public var explanations: Explanations
    /// One sentence per statement key (see ``Phrasebook/statementKeys``).
    public var statements: [String: String]
    public var deadline: String
    public var uncertain: String
    public var footer: Footer
    public var cover: Cover

    /// The statement keys every phrasebook must define.
    public static let statementKeys: [String] = [
        "good-faith-statement", "accuracy-statement", "accuracy-under-penalty", "authority-owner", "authority-agent",
        "liability-statement", "personal-data-consent", "no-settlement-demand", "poster-unidentified-statement",
        "non-consent-statement", "real-identity", "proof-of-rights", "preliminary-evidence", "indemnity",
        "undertaking-to-sue", "address-for-service", "disclosure-consent-yes", "disclosure-consent-no",
        "lawyer-representation", "seal",
    ]

    func statement(_ key: String) -> String { statements[key] ?? key }
}

/// The regime families templates are written for.
enum RegimeKey: String, CaseIterable, Sendable {
    case statutory = "statutory-takedown"
    case dsa
    case noticeAndNotice = "notice-and-notice"
    case knowledge = "knowledge-based"
    case terms = "terms-of-service"
    case court = "court-order"
    case regulator
}

/// Fills `{name}` slots in a phrase in one pass; the values inserted are never scanned again.
func fill(_ phrase: String, _ values: [String: String]) -> String {
    // Scans bytes: `{` and `}` are ASCII, so their UTF-8 positions are valid indices into the string itself.
    let bytes = phrase.utf8
    guard var open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return phrase }
    var result = ""
    result.reserveCapacity(bytes.count + 32)
    var copied = bytes.startIndex
    while true {
        guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
        if let value = values[String(phrase[bytes.index(after: open)..<close])] {
            result += phrase[copied..<open]
            result += value
            copied = bytes.index(after: close)
        }
        guard let next = bytes[bytes.index(after: close)...].firstIndex(of: UInt8(ascii: "{")) else { break }
        open = next
    }
    result += phrase[copied...]
    return result
}
