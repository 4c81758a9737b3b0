import Foundation

/// The small Markdown subset letter templates are written in, parsed once and written as text or HTML.
///
/// Blocks: `#`/`##`/`###` headings, `- ` lists, `|` tables (the second row is the separator), `> ` notes, `---`
/// rules and paragraphs. Inline: `**bold**` and backslash escapes, which the Markdown content type puts before
/// every special character of an interpolated value, so values can never open a block or a span.
struct MarkdownLite {
    enum Block: Equatable {
        case heading(Int, [Span])
        case list([[Span]])
        case table([[[Span]]])
        case note([Span])
        case rule
        case paragraph([[Span]])
    }

    struct Span: Equatable {
        var text: String
        var bold: Bool
    }

    let blocks: [Block]

    init(_ markdown: String) {
        var blocks: [Block] = []
        var paragraph: [[Span]] = []
        var list: [[Span]] = []
        var table: [[[Span]]] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)) }
            if !list.isEmpty { blocks.append(.list(list)) }
            if !table.isEmpty { blocks.append(.table(table)) }
            paragraph = []
            list = []
            table = []
        }
        for raw in markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = Self.trimmed(Substring(raw))
            if line.isEmpty {
                flush()
            } else if line == "---" {
                flush()
                blocks.append(.rule)
            } else if let level = Self.headingLevel(line) {
                flush()
                blocks.append(.heading(level, Self.spans(String(line.dropFirst(level + 1)))))
            } else if line.hasPrefix("- ") {
                if !paragraph.isEmpty || !table.isEmpty { flush() }
                list.append(Self.spans(String(line.dropFirst(2))))
            } else if line.hasPrefix("|") {
                if !paragraph.isEmpty || !list.isEmpty { flush() }
                let cells = Self.cells(line)
                if !cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } && !$0.isEmpty }) {
                    table.append(cells.map(Self.spans))
                }
            } else if line.hasPrefix("> ") {
                flush()
                blocks.append(.note(Self.spans(String(line.dropFirst(2)))))
            } else {
                if !list.isEmpty || !table.isEmpty { flush() }
                paragraph.append(Self.spans(line))
            }
        }
        flush()
        self.blocks = blocks
    }

    /// Drops ASCII spaces, tabs and carriage returns at both ends.
    static func trimmed(_ text: Substring) -> String {
        let utf8 = text.utf8
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = utf8.firstIndex(where: { !blank($0) }), let last = utf8.lastIndex(where: { !blank($0) })
        else { return "" }
        return String(Substring(utf8[first...last]))
    }

    private static func headingLevel(_ line: String) -> Int? {
        for level in 1...3 where line.hasPrefix(String(repeating: "#", count: level) + " ") { return level }
        return nil
    }

    /// Splits a table row on unescaped `|`, keeping escapes for the span parser.
    private static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                current.append("\\")
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(Self.trimmed(Substring(current)))
                current = ""
            } else {
                current.append(character)
            }
        }
        let last = Self.trimmed(Substring(current))
        if !last.isEmpty { cells.append(last) }
        return cells
    }

    static func spans(_ text: String) -> [Span] {
        if !text.utf8.contains(where: { $0 == 0x5C || $0 == 0x2A }) { return [Span(text: text, bold: false)] }
        var spans: [Span] = []
        var current = String.UnicodeScalarView()
        var bold = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                current.append(scalars[index + 1])
                index += 2
                continue
            }
            if scalar == "*", index + 1 < scalars.count, scalars[index + 1] == "*" {
                if !current.isEmpty { spans.append(Span(text: String(current), bold: bold)) }
                current = String.UnicodeScalarView()
                bold.toggle()
                index += 2
                continue
            }
            current.append(scalar)
            index += 1
        }
        if !current.isEmpty { spans.append(Span(text: String(current), bold: bold)) }
        return spans
    }

    /// Plain text: headings underlined, lists and notes kept, tables as `a | b` lines.
    func text() -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let spans):
                let title = Self.plain(spans)
                out.append(level == 3 ? title : title + "\n" + String(repeating: level == 1 ? "=" : "-", count: 40))
            case .list(let items): out.append(items.map { "- " + Self.plain($0) }.joined(separator: "\n"))
            case .table(let rows):
                out.append(rows.map { $0.map(Self.plain).joined(separator: " | ") }.joined(separator: "\n"))
            case .note(let spans): out.append("> " + Self.plain(spans))
            case .rule: out.append(String(repeating: "-", count: 40))
            case .paragraph(let lines): out.append(lines.map(Self.plain).joined(separator: "\n"))
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// HTML body markup; every character of text is escaped.
    func html() -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .heading(let level, let spans): out.append("<h\(level)>\(Self.html(spans))</h\(level)>")
            case .list(let items):
                out.append("<ul>\n" + items.map { "<li>\(Self.html($0))</li>" }.joined(separator: "\n") + "\n</ul>")
            case .table(let rows):
                var lines = ["<table>"]
                for (index, row) in rows.enumerated() {
                    let tag = index == 0 ? "th" : "td"
                    lines.append("<tr>" + row.map { "<\(tag)>\(Self.html($0))</\(tag)>" }.joined() + "</tr>")
                }
                lines.append("</table>")
                out.append(lines.joined(separator: "\n"))
            case .note(let spans): out.append("<p class=\"note\">\(Self.html(spans))</p>")
            case .rule: out.append("<hr>")
            case .paragraph(let lines): out.append("<p>" + lines.map(Self.html).joined(separator: "<br>\n") + "</p>")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func plain(_ spans: [Span]) -> String { spans.map(\.text).joined() }

    static func html(_ spans: [Span]) -> String {
        spans.map { $0.bold ? "<strong>\(escapeHTML($0.text))</strong>" : escapeHTML($0.text) }.joined()
    }
}

/// Escapes the five HTML special characters.
func escapeHTML(_ text: String) -> String {
    if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
        return text
    }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}
