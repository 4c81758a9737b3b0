import Foundation

/// JPRS (.jp): bracketed keys, in Japanese or (with `/e`) English, often numbered `a.` `b.` … for .co.jp.
struct JPRSLayout: WHOISLayout {
    let name = "jprs"
    let servers: Set<String> = ["whois.jprs.jp"]
    let tlds: Set<String> = ["jp"]

    func recognizes(_ text: WHOISText) -> Bool {
        text.contains("JPRS database") || text.contains("[ドメイン名]") || text.contains("[Domain Name]")
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        let fields = Self.bracketFields(text)
        func first(_ keys: String...) -> String? {
            for key in keys { if let value = fields.first(where: { $0.0 == key && !$0.1.isEmpty })?.1 { return value } }
            return nil
        }
        record.domain = first("domain name", "ドメイン名")
        record.registrant.organization = first("organization", "registrant", "組織名", "登録者名")
        record.nameServers = fields.filter { ["name server", "ネームサーバ"].contains($0.0) && !$0.1.isEmpty }.map(\.1)
        record.created = first("created on", "registered date", "登録年月日").flatMap(WHOISDate.parse)
        record.updated = first("last updated", "last update", "最終更新").flatMap(WHOISDate.parse)
        record.expires = first("expires on", "有効期限").flatMap(WHOISDate.parse)
        if let state = first("status", "状態") {
            // "Connected (2026/03/31)": the status, and for .co.jp the date the registration runs to.
            if let open = state.firstIndex(of: "("), state.hasSuffix(")") {
                let inner = state[state.index(after: open)..<state.index(before: state.endIndex)]
                if record.expires == nil { record.expires = WHOISDate.parse(String(inner)) }
                record.status = [state[..<open].trimmingCharacters(in: .whitespaces)]
            } else {
                record.status = [state]
            }
        }
    }

    /// `a. [Key]   value` lines as (lower-cased key, value).
    static func bracketFields(_ text: WHOISText) -> [(String, String)] {
        text.lines.compactMap { line in
            var rest = Substring(line.trimmingCharacters(in: .whitespaces))
            // Drop the "a. " numbering.
            if rest.count > 2, rest[rest.index(after: rest.startIndex)] == ".", rest.first?.isLetter == true {
                rest = rest.dropFirst(2).drop { $0 == " " }
            }
            guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
            let key = rest[rest.index(after: rest.startIndex)..<close].lowercased()
            let value = rest[rest.index(after: close)...].trimmingCharacters(in: .whitespaces)
            return (key, value)
        }
    }
}
