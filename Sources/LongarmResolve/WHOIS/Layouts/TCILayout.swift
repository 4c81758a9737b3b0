import Foundation

/// TCI (.ru, .su, .рф): lower-case RIPE-like keys, `state:` with comma-separated flags, `paid-till:`.
struct TCILayout: WHOISLayout {
    let name = "tci"
    let servers: Set<String> = ["whois.tcinet.ru", "whois.ripn.net"]
    let tlds: Set<String> = ["ru", "su", "xn--p1ai"]

    func recognizes(_ text: WHOISText) -> Bool { text.contains("TCI Whois") || text.value("paid-till") != nil }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        record.domain = text.value("domain")
        record.nameServers = text.values("nserver")
        record.status = (text.value("state") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        record.registrant.organization = text.value("org")
        if let person = text.value("person"), RedactionMarker.isRedacted(person) { record.registrant.redacted = true }
        record.registrar.name = text.value("registrar")
        record.created = text.value("created").flatMap(WHOISDate.parse)
        record.expires = text.value("paid-till").flatMap(WHOISDate.parse)
        if let updated = text.lines.first(where: { $0.hasPrefix("Last updated on") }) {
            record.updated = WHOISDate.parse(String(updated.dropFirst("Last updated on".count)))
        }
    }
}
