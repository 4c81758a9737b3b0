import Foundation

/// auDA (.au): ICANN-like keys, plus `Registrar Name:`, `Registrant:` (the organisation) and `Last Modified:`.
struct AuDALayout: WHOISLayout {
    let name = "auda"
    let servers: Set<String> = ["whois.auda.org.au"]
    let tlds: Set<String> = ["au"]

    func recognizes(_ text: WHOISText) -> Bool {
        text.value("registrar name") != nil && text.value("eligibility type") != nil
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        ICANNLayout().parse(text, into: &record)
        record.registrant.organization = text.value("registrant")
        record.updated = text.value("last modified").flatMap(WHOISDate.parse) ?? record.updated
    }
}
