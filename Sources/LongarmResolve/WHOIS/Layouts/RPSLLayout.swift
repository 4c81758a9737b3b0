import Foundation

/// RIPE NCC, APNIC and AFRINIC answers for addresses: RPSL objects (`inetnum:`, `netname:`, `country:`,
/// `organisation:`/`org-name:`, `role:`/`irt:` with `abuse-mailbox:`).
struct RPSLLayout: WHOISLayout {
    let name = "rpsl"
    let servers: Set<String> = ["whois.ripe.net", "whois.apnic.net", "whois.afrinic.net"]
    let tlds: Set<String> = []

    func recognizes(_ text: WHOISText) -> Bool {
        text.value("inetnum", "inet6num", "aut-num") != nil && text.value("netname", "as-name") != nil
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        let blocks = text.blocks
        guard
            let net = blocks.first(where: { ["inetnum", "inet6num"].contains($0.first?.key ?? "") })
                ?? blocks.first(where: { $0.first?.key == "aut-num" })
        else { return }
        var network = WHOISRecord.Network()
        network.range = net.value("inetnum") ?? net.value("inet6num") ?? net.value("aut-num")
        network.cidrs = network.range.flatMap { IPRange(text: $0)?.cidrs } ?? []
        network.name = net.value("netname") ?? net.value("as-name")
        network.country = net.value("country").flatMap(CountryNames.code(for:))
        if let orgHandle = net.value("org"),
            let org = blocks.first(where: { $0.first?.key == "organisation" && $0.first?.value == orgHandle })
        {
            network.organization = org.value("org-name")
        }
        network.organization = network.organization ?? net.value("descr")
        network.abuseEmail = Self.abuseEmail(text, blocks: blocks, net: net)
        record.network = network
        record.created = net.value("created").flatMap(WHOISDate.parse)
        record.updated = net.value("last-modified").flatMap(WHOISDate.parse)
        record.status = net.values("status")
    }

    /// RIPE's `% Abuse contact for … is '…'` comment, else the `abuse-mailbox` of the abuse-c role or the IRT
    /// object the network names, else any `abuse-mailbox`.
    static func abuseEmail(_ text: WHOISText, blocks: [[WHOISText.Field]], net: [WHOISText.Field]) -> String? {
        for line in text.lines where line.hasPrefix("% Abuse contact for") {
            let parts = line.split(separator: "'")
            if let last = parts.last(where: { $0.contains("@") }) { return String(last) }
        }
        for handle in net.values("abuse-c") + net.values("mnt-irt") {
            if let block = blocks.first(where: { ($0.value("nic-hdl") ?? $0.value("irt")) == handle }),
                let mailbox = block.value("abuse-mailbox")
            {
                return mailbox
            }
        }
        return text.value("abuse-mailbox")
    }
}
