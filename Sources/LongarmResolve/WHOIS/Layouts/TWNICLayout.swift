import Foundation

/// TWNIC (.tw): indented contact blocks, `Record created on …` sentences, name servers under a heading.
struct TWNICLayout: WHOISLayout {
    let name = "twnic"
    let servers: Set<String> = ["whois.twnic.net.tw"]
    let tlds: Set<String> = ["tw", "xn--kpry57d"]

    func recognizes(_ text: WHOISText) -> Bool {
        text.contains("Domain servers in listed order") && text.contains("Record expires on")
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        record.domain = text.value("domain name")
        record.status = (text.value("domain status") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let registrant = text.section("Registrant:")
        record.registrant.organization = registrant.first
        record.registrant.country =
            registrant.reversed().lazy.compactMap { line in
                line.count == 2 ? CountryNames.code(for: line) : nil
            }.first
        record.registrar.name = text.value("registration service provider")
        for line in text.lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Record expires on ") {
                record.expires = WHOISDate.parse(String(trimmed.dropFirst("Record expires on ".count)))
            } else if trimmed.hasPrefix("Record created on ") {
                record.created = WHOISDate.parse(String(trimmed.dropFirst("Record created on ".count)))
            }
        }
        record.nameServers = text.section("Domain servers in listed order:")
    }
}
