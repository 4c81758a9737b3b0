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
}
