import Foundation
import Mustache
import Synchronization

/// Escapes interpolated values for the Markdown subset letters use, and keeps each value on one line.
struct MarkdownContentType: MustacheContentType {
    static let name = "LONGARM_MARKDOWN"
    private static let registered = Mutex(false)

    static func registerOnce() {
        registered.withLock { done in
            guard !done else { return }
            MustacheContentTypes.register(MarkdownContentType(), named: name)
            done = true
        }
    }

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        // A value may start a line: keep it from opening a list or a rule.
        if let first = text.first, first == "-" || first == "+" { result.append("\\") }
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|", "{", "}":
                result.append("\\")
                result.append(character)
            case "\r", "\n", "\r\n", "\u{2028}", "\u{2029}":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }
}
