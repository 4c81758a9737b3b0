import Foundation

/// whois.iana.org: the TLD or address-space object with `refer:` naming the authoritative server.
struct IANALayout: WHOISLayout {
    let name = "iana"
    let servers: Set<String> = ["whois.iana.org"]
    let tlds: Set<String> = []

    func recognizes(_ text: WHOISText) -> Bool { text.contains("% IANA WHOIS server") }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        record.domain = text.value("domain")
        record.registrant.organization = text.value("organisation")
        record.created = text.value("created").flatMap(WHOISDate.parse)
        record.updated = text.value("changed").flatMap(WHOISDate.parse)
        record.nameServers = text.values("nserver")
        record.status = text.values("status")
        if let range = text.value("inetnum", "inet6num") {
            var network = WHOISRecord.Network()
            network.range = range
            network.cidrs = IPRange(text: range)?.cidrs ?? []
            network.organization = text.value("organisation")
            record.network = network
        }
    }
}
