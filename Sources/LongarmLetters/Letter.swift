public import Foundation
public import LongarmCore

/// A file format a letter is written in.
public enum LetterFormat: String, Sendable, Codable, Hashable, CaseIterable {
    /// Plain UTF-8 text.
    case txt
    /// Markdown.
    case md
    /// A print-ready HTML page with an embedded stylesheet.
    case html
    /// An RFC 5322 / MIME message ready to send.
    case eml
    /// JSON of form fields and values, for web-form channels.
    case form

    /// The file name extension.
    public var fileExtension: String { self == .form ? "form.json" : rawValue }
}

/// A required element the letter satisfies, and the field that supplied it.
public struct SatisfiedElement: Sendable, Codable, Hashable {
    /// The element.
    public var element: NoticeElement
    /// Where the content came from (`case.signature`, `target.canonicalURL`, `letter.template`, …).
    public var source: String
}

/// A required element the case cannot fill yet.
public struct MissingElement: Sendable, Codable, Hashable {
    /// The element.
    public var element: NoticeElement
    /// The case fields that would fill it (`signature`, `sender-email`).
    public var fields: [String]
    /// How to supply it (`longarm case set 3 --signature …`).
    public var remedy: String
}

/// One rendered letter: to one party on one rung, in one language and format.
public struct Letter: Sendable, Codable, Hashable {
    /// The rung's step on the plan's ladder.
    public var rungStep: Int
    /// The rung's role.
    public var role: NoticeRung.Role
    /// The party addressed.
    public var party: String
    /// The channel kind.
    public var channel: NoticeChannel.Kind
    /// The channel's address (e-mail, form URL), if known.
    public var channelAddress: String?
    /// The language code(s), local first (`ja+en` for a bilingual letter).
    public var language: String
    /// The format.
    public var format: LetterFormat
    /// The URLs the letter covers.
    public var urls: [String]
    /// The target ids the letter covers.
    public var targetIDs: [Int64]
    /// The rendered file's bytes.
    public var content: Data
    /// The elements satisfied, with their sources.
    public var satisfied: [SatisfiedElement]
    /// The elements still missing (only non-empty for a draft).
    public var missing: [MissingElement]
    /// True when rendered with placeholders for missing data.
    public var draft: Bool
    /// The regime the template follows.
    public var regime: String
    /// The template used, relative to the templates folder.
    public var template: String

    /// The content as text (every format is UTF-8).
    public var text: String { String(decoding: content, as: UTF8.self) }
}
