import Foundation

/// DENIC (.de): a minimal public record (`Domain:`, `Nserver:`, `Status: connect`, `Changed:`).
struct DENICLayout: WHOISLayout {
    let name = "denic"
    let servers: Set<String> = ["whois.denic.de"]
    let tlds: Set<String> = ["de"]

    func recognizes(_ text: WHOISText) -> Bool {
        text.contains("DENIC") || (text.value("nserver") != nil && text.value("status") == "connect")
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        record.domain = text.value("domain")
        record.nameServers = text.values("nserver")
        record.status = text.values("status")
        record.updated = text.value("changed").flatMap(WHOISDate.parse)
    }
}
