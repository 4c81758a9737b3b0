import Foundation

/// HKIRC (.hk): long descriptive keys, name servers listed under a heading, `dd-MM-yyyy` dates.
struct HKIRCLayout: WHOISLayout {
    let name = "hkirc"
    let servers: Set<String> = ["whois.hkirc.hk"]
    let tlds: Set<String> = ["hk", "xn--j6w193g"]

    func recognizes(_ text: WHOISText) -> Bool {
        text.contains("Whois server by HKIRC") || text.value("domain name commencement date") != nil
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        record.domain = text.value("domain name")
        record.registrar.name = text.value("registrar name")
        record.status = text.values("domain status")
        record.registrant.organization =
            text.fields.first { $0.key.hasPrefix("company english name") && !$0.value.isEmpty }?.value
        // The registrant's country is the first `Country:` after the registrant heading.
        if let start = text.fields.firstIndex(where: { $0.key == "registrant contact information" }) {
            record.registrant.country = text.fields[start...].first { $0.key == "country" }.flatMap {
                CountryNames.code(for: $0.value)
            }
        }
        record.created = text.value("domain name commencement date").flatMap(WHOISDate.parse)
        record.expires = text.value("expiry date").flatMap(WHOISDate.parse)
        if let heading = text.lines.firstIndex(where: {
            $0.trimmingCharacters(in: .whitespaces) == "Name Servers Information:"
        }) {
            var servers: [String] = []
            for line in text.lines[(heading + 1)...] {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { if servers.isEmpty { continue } else { break } }
                if trimmed.hasSuffix(":") { break }
                servers.append(trimmed)
            }
            record.nameServers = servers
        }
    }
}
