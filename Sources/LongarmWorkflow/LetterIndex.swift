public import LongarmLetters

/// The `index.json` written beside a case's letters: one entry per file, with its digest.
public struct LetterIndex: Sendable, Codable {
    /// One written letter file.
    public struct Entry: Sendable, Codable {
        public var file: String
        public var rung: Int
        public var role: String
        public var party: String
        public var channel: String
        public var channelAddress: String?
        public var language: String
        public var format: String
        public var sha256: String
        public var draft: Bool
        public var urls: [String]
        public var satisfied: [SatisfiedElement]
        public var missing: [MissingElement]
    }

    public var caseID: Int64
    /// The cover summary's file name, in the holder's language.
    public var cover: String
    public var letters: [Entry]
    /// Notes worth showing (languages replaced by English, formats skipped).
    public var notes: [String]
}
