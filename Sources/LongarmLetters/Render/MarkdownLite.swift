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
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
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
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { cells.append(last) }
        return cells
    }

    static func spans(_ text: String) -> [Span] {
        var spans: [Span] = []
        var current = ""
        var bold = false
        var iterator = Array(text)
        var index = 0
        while index < iterator.count {
            let character = iterator[index]
            if character == "\\", index + 1 < iterator.count {
                current.append(iterator[index + 1])
                index += 2
                continue
            }
            if character == "*", index + 1 < iterator.count, iterator[index + 1] == "*" {
                if !current.isEmpty { spans.append(Span(text: current, bold: bold)) }
                current = ""
                bold.toggle()
                index += 2
                continue
            }
            current.append(character)
            index += 1
        }
        if !current.isEmpty { spans.append(Span(text: current, bold: bold)) }
        iterator.removeAll()
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
            case .table(let rows): out.append(rows.map { $0.map(Self.plain).joined(separator: " | ") }.joined(separator: "\n"))
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
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
