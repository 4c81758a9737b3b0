import Foundation

/// ARIN: `NetRange:`/`CIDR:`/`NetName:` network blocks (least to most specific) and `OrgAbuseEmail:` POCs.
struct ARINLayout: WHOISLayout {
    let name = "arin"
    let servers: Set<String> = ["whois.arin.net"]
    let tlds: Set<String> = []

    func recognizes(_ text: WHOISText) -> Bool { text.value("netrange") != nil }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        let blocks = text.blocks
        // The most specific network is printed last.
        guard let net = blocks.last(where: { $0.value("netrange") != nil }) else { return }
        var network = WHOISRecord.Network()
        network.range = net.value("netrange")
        network.cidrs = (net.value("cidr") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if network.cidrs.isEmpty { network.cidrs = network.range.flatMap { IPRange(text: $0)?.cidrs } ?? [] }
        network.name = net.value("netname")
        network.handle = net.value("nethandle")
        // The holder block follows the network it belongs to.
        let index = blocks.lastIndex(where: { $0.value("netrange") != nil }) ?? 0
        let after = blocks[index...]
        let holder = after.first { $0.value("orgname") != nil || $0.value("custname") != nil }
        network.organization = holder?.value("orgname") ?? holder?.value("custname")
        network.country = holder?.value("country").flatMap(CountryNames.code(for:))
        network.abuseEmail =
            after.lazy.compactMap { $0.value("orgabuseemail") ?? $0.value("rabuseemail") }.first
            ?? text.values("orgabuseemail").last
        record.network = network
        record.created = net.value("regdate").flatMap(WHOISDate.parse)
        record.updated = net.value("updated").flatMap(WHOISDate.parse)
        if let type = net.value("nettype") { record.status = [type] }
    }
}
