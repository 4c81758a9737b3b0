public import LongarmCore

/// One jurisdiction of the rules table, with its own rules (not merged with the EU layer).
public struct Jurisdiction: Sendable, Codable, Hashable {
    /// Whether a PRC judgment can be recognised there.
    public enum PRCJudgments: String, Sendable, Codable, Hashable, CaseIterable {
        case recognised
        /// Recognised under a bilateral treaty with China.
        case treaty
        /// Possible, but untested or subject to reciprocity.
        case possible
        /// Not recognised directly: a new suit on the judgment is needed.
        case suitOnJudgment = "suit-on-judgment"
        case notRecognised = "not-recognised"
        /// The home forum (China itself).
        case notApplicable = "not-applicable"
        case unknown
    }

    /// Whether the jurisdiction is party to the Hague Service Convention.
    public enum HagueService: String, Sendable, Codable, Hashable, CaseIterable {
        case party
        case notParty = "not-party"
        case unknown
    }

    /// The language advice for letters.
    public struct LetterAdvice: Sendable, Codable, Hashable {
        /// The languages to write in, local first (BCP 47).
        public var languages: [String]
        /// True when a letter should carry both languages side by side.
        public var bilingual: Bool
        /// A sentence of advice.
        public var advice: String?
    }

    /// Facts for enforcing abroad.
    public struct CrossBorder: Sendable, Codable, Hashable {
        public var hagueService: HagueService
        public var prcJudgments: PRCJudgments
        public var note: String?
        public var confidence: Confidence
    }

    /// The ISO code (`EU` for the common layer).
    public var code: String
    /// The jurisdiction's name in English.
    public var name: String
    /// Official languages (BCP 47).
    public var officialLanguages: [String]
    /// How to choose a letter's language.
    public var letter: LetterAdvice
    /// Enforcement abroad.
    public var crossBorder: CrossBorder?
    /// True for members of the EU, which inherit the EU layer.
    public var euMember: Bool
    /// The EU layer's member list (only on `EU`).
    public var members: [String]
    /// Provisions that apply to services offered in this jurisdiction wherever the provider sits (only on `EU`).
    public var extraterritorial: [LegalBasis]
    /// Where the facts come from.
    public var sources: [SourceReference]
    /// Anything else worth knowing.
    public var notes: String?
    /// The rules this file states, keyed by kind (`copyright`, …); EU members may state only overrides.
    public var rules: [String: KindRule]
}
