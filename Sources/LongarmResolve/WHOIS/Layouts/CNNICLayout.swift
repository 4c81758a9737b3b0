import Foundation

/// CNNIC (.cn): ICANN-like keys with `Registrant:`, `Sponsoring Registrar:`, `Registration Time:`.
struct CNNICLayout: WHOISLayout {
    let name = "cnnic"
    let servers: Set<String> = ["whois.cnnic.cn", "whois.cnnic.net.cn"]
    let tlds: Set<String> = ["cn", "xn--fiqs8s"]

    func recognizes(_ text: WHOISText) -> Bool {
        text.value("registration time") != nil && text.value("sponsoring registrar") != nil
    }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        record.domain = text.value("domain name")
        record.registrant.organization = text.value("registrant")
        record.registrar.name = text.value("sponsoring registrar")
        record.nameServers = text.values("name server")
        record.status = text.values("domain status")
        record.created = text.value("registration time").flatMap(WHOISDate.parse)
        record.expires = text.value("expiration time").flatMap(WHOISDate.parse)
    }
}
