import Foundation

/// EURid (.eu): sections `Registrant:`, `Technical:`, `Registrar:`, `Name servers:` with `Key: value` lines.
struct EURidLayout: WHOISLayout {
    let name = "eurid"
    let servers: Set<String> = ["whois.eu"]
    let tlds: Set<String> = ["eu", "xn--e1a4c", "xn--qxa6a"]

    func recognizes(_ text: WHOISText) -> Bool { text.contains("EURid") }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        record.domain = text.value("domain")
        if let status = text.value("status") { record.status = [status] }
        let registrar = text.section("Registrar:")
        record.registrar.name = Self.value("Name", in: registrar)
        let registrant = text.section("Registrant:")
        if registrant.contains(where: RedactionMarker.isRedacted) {
            record.registrant.redacted = true
        } else {
            record.registrant.organization = Self.value("Organisation", in: registrant)
            record.registrant.country = Self.value("Country", in: registrant).flatMap(CountryNames.code(for:))
        }
        record.nameServers = text.section("Name servers:")
    }

    static func value(_ key: String, in lines: [String]) -> String? {
        lines.compactMap { WHOISText.field($0, index: 0) }.first { $0.key == key.lowercased() && !$0.value.isEmpty }?
            .value
    }
}
