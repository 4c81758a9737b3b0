import Foundation

/// A decoded WHOIS answer split into lines, `key: value` fields, blank-line blocks and indented sections.
public struct WHOISText: Sendable {
    /// One `key: value` line.
    public struct Field: Sendable, Hashable {
        /// The key, lower-cased, inner spaces collapsed.
        public var key: String
        /// The value, trimmed; empty for a heading such as `Registrar:`.
        public var value: String
        /// The index of the line.
        public var line: Int
    }

    /// The whole text.
    public let text: String
    /// The whole text, lower-cased once for the many case-insensitive searches.
    let folded: String
    /// The lines, without line ends and trailing spaces.
    public let lines: [String]
    /// Every `key: value` line, in order.
    public let fields: [Field]
    /// The top-level domain the query was about (lower-cased, no dot), if known.
    public let tld: String?
    /// The server that answered, lower-cased, if known.
    public let server: String?
    /// The query, lower-cased, if known.
    public let query: String?

    /// Splits `text`; `query` and `server` are hints for layout selection.
    public init(_ text: String, query: String? = nil, server: String? = nil) {
        self.text = text
        folded = text.lowercased()
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map {
            var line = String($0)
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            return line
        }
        var fields: [Field] = []
        for (index, line) in lines.enumerated() {
            if let field = Self.field(line, index: index) { fields.append(field) }
        }
        self.fields = fields
        self.query = query?.lowercased()
        self.server = server?.lowercased()
        if let query, !query.contains(":"), query.contains("."),
            let last = query.lowercased().split(separator: ".").last, !last.allSatisfy(\.isNumber)
        {
            tld = String(last)
        } else {
            tld = nil
        }
    }

    static func field(_ line: String, index: Int) -> Field? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":"), colon != trimmed.startIndex else { return nil }
        let key = trimmed[..<colon]
        guard key.count <= 160, !key.contains("//"), !key.hasPrefix("%"), !key.hasPrefix("#") else { return nil }
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("//") { return nil }
        let normalized = key.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return Field(key: normalized, value: value, line: index)
    }

    /// The first non-empty value of any of `keys` (lower-case), in text order.
    public func value(_ keys: String...) -> String? { value(in: keys) }

    /// The first non-empty value of any of `keys`, preferring earlier keys.
    public func value(in keys: [String]) -> String? {
        for key in keys {
            if let field = fields.first(where: { $0.key == key && !$0.value.isEmpty }) { return field.value }
        }
        return nil
    }

    /// Every non-empty value of any of `keys`, in text order.
    public func values(_ keys: String...) -> [String] {
        let wanted = Set(keys)
        return fields.filter { wanted.contains($0.key) && !$0.value.isEmpty }.map(\.value)
    }

    /// The lines under a heading (`Registrar:`, `Name servers:`): the following lines indented deeper than the
    /// heading, up to a blank line or a line indented no deeper. Returned trimmed.
    public func section(_ heading: String, stopAtBlank: Bool = true) -> [String] {
        let wanted = heading.lowercased()
        guard
            let start = lines.firstIndex(where: {
                let text = $0.trimmingCharacters(in: .whitespaces).lowercased()
                return text == wanted || text == wanted + ":"
            })
        else { return [] }
        let indent = Self.indentation(lines[start])
        var result: [String] = []
        for line in lines[(start + 1)...] {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if stopAtBlank && !result.isEmpty { break }
                continue
            }
            if Self.indentation(line) <= indent { break }
            result.append(line.trimmingCharacters(in: .whitespaces))
        }
        return result
    }

    /// The text cut into blocks at blank lines, each block's fields in order (RPSL objects).
    public var blocks: [[Field]] {
        var result: [[Field]] = []
        var current: [Field] = []
        var byLine: [Int: Field] = [:]
        for field in fields { byLine[field.line] = field }
        for (index, line) in lines.enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { result.append(current) }
                current = []
            } else if let field = byLine[index] {
                current.append(field)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 8 : 1) }
    }

    /// True when the text contains `needle`, ignoring case.
    public func contains(_ needle: String) -> Bool { folded.contains(needle.lowercased()) }
}

extension [WHOISText.Field] {
    /// The first non-empty value of `key` in this block.
    func value(_ key: String) -> String? { first { $0.key == key && !$0.value.isEmpty }?.value }
    /// Every non-empty value of `key` in this block.
    func values(_ key: String) -> [String] { filter { $0.key == key && !$0.value.isEmpty }.map(\.value) }
}
