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
        // Most values hold no markup: scan the bytes first and return them untouched.
        let needsWork = text.utf8.contains { byte in
            switch byte {
            case 0x5C, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x3C, 0x3E, 0x23, 0x7C, 0x7B, 0x7D, 0x0A, 0x0D: true
            case 0xE2: true  // the lead byte of U+2028 and U+2029
            default: false
            }
        }
        let leading = text.utf8.first == 0x2D || text.utf8.first == 0x2B
        if !needsWork && !leading { return text }
        var result = String.UnicodeScalarView()
        // A value may start a line: keep it from opening a list or a rule.
        if leading { result.append("\\") }
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|", "{", "}":
                result.append("\\")
                result.append(scalar)
            case "\n" where previousCR:
                break
            case "\r", "\n", "\u{2028}", "\u{2029}":
                result.append(" ")
            default:
                result.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return String(result)
    }
}
