import Foundation

/// LACNIC: `inetnum:` as a CIDR, `owner:`/`ownerid:`, `country:`, and `abuse-c:` naming a `nic-hdl:` block.
struct LACNICLayout: WHOISLayout {
    let name = "lacnic"
    let servers: Set<String> = ["whois.lacnic.net"]
    let tlds: Set<String> = []

    func recognizes(_ text: WHOISText) -> Bool {
        text.contains("LACNIC") && text.value("inetnum", "inet6num") != nil && text.value("owner") != nil
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        let blocks = text.blocks
        guard let net = blocks.first(where: { $0.value("inetnum") != nil || $0.value("inet6num") != nil }) else {
            return
        }
        var network = WHOISRecord.Network()
        network.range = net.value("inetnum") ?? net.value("inet6num")
        network.cidrs = network.range.flatMap { IPRange(text: $0)?.cidrs } ?? []
        network.handle = net.value("ownerid")
        network.organization = net.value("owner")
        network.country = net.value("country").flatMap(CountryNames.code(for:))
        if let abuse = net.value("abuse-c"),
            let contact = blocks.first(where: { $0.value("nic-hdl") == abuse }),
            let email = contact.value("e-mail"), !RedactionMarker.isRedacted(email)
        {
            network.abuseEmail = email
        }
        record.network = network
        record.created = net.value("created").flatMap(WHOISDate.parse)
        record.updated = net.value("changed").flatMap(WHOISDate.parse)
        record.status = net.values("status")
    }
}
