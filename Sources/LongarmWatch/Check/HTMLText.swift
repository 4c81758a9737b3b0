import Foundation

/// A tolerant reader of HTML for fingerprints: the visible text and the media links, never a DOM.
enum HTMLText {
    /// The text outside tags (scripts, styles and comments dropped) and the values of link attributes.
    static func split(_ html: String) -> (text: String, links: [String]) {
        var text = ""
        var links: [String] = []
        var index = html.startIndex
        text.reserveCapacity(html.utf8.count / 2)
        while index < html.endIndex {
            let character = html[index]
            guard character == "<" else {
                text.append(character)
                index = html.index(after: index)
                continue
            }
            let rest = html[index...]
            if rest.hasPrefix("<!--") {
                index = rest.range(of: "-->")?.upperBound ?? html.endIndex
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = html[html.index(after: index)..<close]
            let name = tag.prefix { $0.isLetter || $0.isNumber }.lowercased()
            links += attributeValues(in: tag)
            index = html.index(after: close)
            if name == "script" || name == "style" {
                let end = html[index...].range(of: "</\(name)", options: .caseInsensitive)
                index =
                    end.map { html[$0.upperBound...].firstIndex(of: ">").map(html.index(after:)) ?? html.endIndex }
                    ?? html.endIndex
            }
            text.append(" ")
        }
        return (text, links)
    }

    /// Lower-cased words: runs of letters and digits; each CJK character is a word of its own.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                if !current.isEmpty { words.append(current) }
                current = ""
                words.append(String(scalar))
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static let linkAttributes: Set<String> = ["src", "href", "poster", "data-src", "content"]

    private static func attributeValues(in tag: Substring) -> [String] {
        var values: [String] = []
        var rest = tag
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].reversed().prefix { !$0.isWhitespace }.reversed()
            var after = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            let value: Substring
            if let quote = after.first, quote == "\"" || quote == "'" {
                after = after.dropFirst()
                let end = after.firstIndex(of: quote) ?? after.endIndex
                value = after[..<end]
                rest = end < after.endIndex ? after[after.index(after: end)...] : after[end...]
            } else {
                let end = after.firstIndex { $0.isWhitespace || $0 == ">" } ?? after.endIndex
                value = after[..<end]
                rest = after[end...]
            }
            if linkAttributes.contains(String(name).lowercased()), !value.isEmpty {
                values.append(String(value))
            }
        }
        return values
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: true
        default: false
        }
    }
}
