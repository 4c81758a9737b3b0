import Foundation
import LongarmCore

/// A letter rendered to Markdown, with what the other formats need besides the text.
struct LetterDocument {
    var markdown: String
    var subject: String
    var language: String
    var primaryLanguage: String
    var bodies: [LetterContext]
    var sender: LetterParticulars
    var senderName: String
    var recipient: String?
    var date: Date
    var manifest: (name: String, data: Data)?
    var draft: Bool
    /// The `Date:` header value; made once per batch by the composer (formatting a date is not cheap).
    var dateHeader = ""
    /// The plain text, made once from the Markdown when a format needs it.
    var text = ""
    /// The HTML page, made once when a format needs it.
    var html = ""

    /// Fills `text` and `html` for the formats that will be written.
    mutating func prepare(for formats: [LetterFormat]) {
        let needsText = formats.contains(.txt) || formats.contains(.eml)
        let needsHTML = formats.contains(.html) || formats.contains(.eml)
        guard needsText || needsHTML else { return }
        let lite = MarkdownLite(markdown)
        if needsText { text = lite.text() }
        if needsHTML { html = HTMLPage.page(self, body: lite.html()) }
    }
}
