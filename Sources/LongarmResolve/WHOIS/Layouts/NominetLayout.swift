import Foundation

/// Nominet (.uk): indented sections (`Registrar:` with `[Tag = …]`, `Relevant dates:`, `Name servers:`).
struct NominetLayout: WHOISLayout {
    let name = "nominet"
    let servers: Set<String> = ["whois.nic.uk"]
    let tlds: Set<String> = ["uk"]

    func recognizes(_ text: WHOISText) -> Bool { text.contains("Relevant dates:") || text.contains("Nominet") }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        record.domain = text.section("Domain name:").first
        if let registrar = text.section("Registrar:").first {
            let cut = registrar.range(of: "[Tag =").map { registrar[..<$0.lowerBound] } ?? Substring(registrar)
            record.registrar.name = cut.trimmingCharacters(in: .whitespaces)
        }
        let type = text.section("Registrant type:").first?.lowercased() ?? ""
        if let registrant = text.section("Registrant:").first, !type.contains("individual") {
            record.registrant.organization = registrant
        }
        if let country = text.section("Registrant's address:").last {
            record.registrant.country = CountryNames.code(for: country)
        }
        for line in text.section("Relevant dates:") {
            guard let field = WHOISText.field(line, index: 0) else { continue }
            switch field.key {
            case "registered on": record.created = WHOISDate.parse(field.value)
            case "expiry date": record.expires = WHOISDate.parse(field.value)
            case "last updated": record.updated = WHOISDate.parse(field.value)
            default: continue
            }
        }
        record.status = text.section("Registration status:")
        record.nameServers = text.section("Name servers:")
    }
}
