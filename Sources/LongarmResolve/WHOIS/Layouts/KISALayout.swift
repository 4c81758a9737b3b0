import Foundation

/// KISA (.kr): a Korean block and an English block with the same facts; the English one is read when present.
struct KISALayout: WHOISLayout {
    let name = "kisa"
    let servers: Set<String> = ["whois.kr", "whois.nic.or.kr"]
    let tlds: Set<String> = ["kr"]

    func recognizes(_ text: WHOISText) -> Bool {
        text.contains("# ENGLISH") || text.contains("Authorized Agency") || text.contains("등록대행자")
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        let englishStart = text.lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "# ENGLISH" }
        let english = text.fields.filter { field in englishStart.map { field.line > $0 } ?? false }
        let fields = english.isEmpty ? text.fields : english
        func first(_ keys: String...) -> String? { ICANNLayout.first(fields, keys) }
        record.domain = first("domain name", "도메인이름")
        record.registrant.organization = first("registrant", "등록인")
        record.created = first("registered date", "등록일").flatMap(WHOISDate.parse)
        record.updated = first("last updated date", "최근 정보 변경일").flatMap(WHOISDate.parse)
        record.expires = first("expiration date", "사용 종료일").flatMap(WHOISDate.parse)
        if let agency = first("authorized agency", "등록대행자") {
            // "Gabia, Inc.(http://www.gabia.co.kr)": the name without the web address.
            let cut = agency.range(of: "(http").map { agency[..<$0.lowerBound] } ?? Substring(agency)
            record.registrar.name = cut.trimmingCharacters(in: .whitespaces)
        }
        record.nameServers = fields.filter { $0.key == "host name" || $0.key == "호스트이름" }.map(\.value)
    }
}
