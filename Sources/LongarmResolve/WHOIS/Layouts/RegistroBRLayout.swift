import Foundation

/// registro.br (.br): RPSL-like `owner:`, `ownerid:`, `country:` in the domain block, `YYYYMMDD` dates.
struct RegistroBRLayout: WHOISLayout {
    let name = "registrobr"
    let servers: Set<String> = ["whois.registro.br"]
    let tlds: Set<String> = ["br"]

    func recognizes(_ text: WHOISText) -> Bool {
        text.contains("registro.br") || text.contains("nic-hdl-br") || text.contains("Copyright (c) Nic.br")
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        guard let domain = text.blocks.first(where: { $0.value("domain") != nil }) else { return }
        record.domain = domain.value("domain")
        record.registrant.organization = domain.value("owner")
        record.registrant.country = domain.value("country").flatMap(CountryNames.code(for:))
        record.nameServers = domain.values("nserver")
        record.status = domain.values("status")
        record.created = domain.value("created").flatMap(WHOISDate.parse)
        record.updated = domain.value("changed").flatMap(WHOISDate.parse)
        record.expires = domain.value("expires").flatMap(WHOISDate.parse)
    }
}
