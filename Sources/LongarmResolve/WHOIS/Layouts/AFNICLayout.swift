import Foundation

/// AFNIC (.fr, .re, .pm, .tf, .wf, .yt): RPSL-like blocks; the holder is the `nic-hdl` block named by `holder-c`.
struct AFNICLayout: WHOISLayout {
    let name = "afnic"
    let servers: Set<String> = ["whois.nic.fr"]
    let tlds: Set<String> = ["fr", "re", "pm", "tf", "wf", "yt"]

    func recognizes(_ text: WHOISText) -> Bool { text.contains("AFNIC Whois") || text.contains("-FRNIC") }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        let blocks = text.blocks
        guard let domain = blocks.first(where: { $0.first?.key == "domain" }) else { return }
        record.domain = domain.value("domain")
        record.registrar.name = domain.value("registrar")
        let epp = domain.values("eppstatus")
        record.status = epp.isEmpty ? domain.values("status") : epp
        record.created = domain.value("created").flatMap(WHOISDate.parse)
        record.updated = domain.value("last-update").flatMap(WHOISDate.parse)
        record.expires = domain.value("expiry date").flatMap(WHOISDate.parse)
        record.nameServers = text.values("nserver")
        if let holder = domain.value("holder-c"),
            let contact = blocks.first(where: { $0.first?.key == "nic-hdl" && $0.first?.value == holder })
        {
            record.registrant.country = contact.value("country").flatMap(CountryNames.code(for:))
            if contact.value("anonymous")?.uppercased() == "YES" {
                record.registrant.redacted = true
            } else if contact.value("type")?.uppercased() == "ORGANIZATION" {
                record.registrant.organization = contact.value("contact")
            }
        }
    }
}
