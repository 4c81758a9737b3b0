import Foundation

/// SIDN (.nl): `Registrar:` and `Abuse Contact:` blocks of indented lines; no registrant data.
struct SIDNLayout: WHOISLayout {
    let name = "sidn"
    let servers: Set<String> = ["whois.domain-registry.nl"]
    let tlds: Set<String> = ["nl"]

    func recognizes(_ text: WHOISText) -> Bool { text.contains("NL Domain Registry") || text.contains("SIDN") }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        record.domain = text.value("domain name")
        record.status = text.values("status")
        record.registrar.name = text.section("Registrar:").first
        for line in text.section("Abuse Contact:") {
            if line.contains("@") {
                record.registrar.abuseEmail = record.registrar.abuseEmail ?? line
            } else if line.hasPrefix("+") {
                record.registrar.abusePhone = record.registrar.abusePhone ?? line
            }
        }
        record.nameServers = text.section("Domain nameservers:")
        record.created = text.value("creation date").flatMap(WHOISDate.parse)
        record.updated = text.value("updated date").flatMap(WHOISDate.parse)
    }
}
