import Foundation

/// ICANN's `Key: Value` layout (RAA 2013 / Registry Agreement spec 4): Verisign thin and thick registries,
/// registrars, and every registry that copied it. Also the fallback for unknown layouts.
struct ICANNLayout: WHOISLayout {
    let name = "icann"
    let servers: Set<String> = ["whois.verisign-grs.com", "whois.pir.org", "whois.nic.xyz"]
    let tlds: Set<String> = ["com", "net", "org", "info", "xyz", "top", "shop", "online", "io", "co", "me", "tv", "cc"]

    static let domainKeys = ["domain name", "domain", "domain-name"]
    static let registrarKeys = [
        "registrar", "sponsoring registrar", "registrar name", "registrar organization", "registrar-name",
    ]
    static let ianaKeys = ["registrar iana id", "sponsoring registrar iana id", "registrar iana", "iana id"]
    static let abuseEmailKeys = ["registrar abuse contact email", "abuse contact email", "registrar abuse email"]
    static let abusePhoneKeys = ["registrar abuse contact phone", "abuse contact phone", "registrar abuse phone"]
    static let whoisServerKeys = ["registrar whois server", "whois server"]
    static let organizationKeys = ["registrant organization", "registrant organisation", "registrant org"]
    static let countryKeys = ["registrant country", "registrant country/economy", "registrant country code"]
    static let createdKeys = [
        "creation date", "created", "created on", "created date", "registered on", "registration date",
        "domain registration date", "registration time", "registered",
    ]
    static let updatedKeys = [
        "updated date", "last updated", "last modified", "last updated on", "changed", "modified",
    ]
    static let expiresKeys = [
        "registry expiry date", "registry expiration date", "registrar registration expiration date",
        "expiration date", "expiry date", "expires", "expires on", "expiration time", "paid-till", "expire date",
    ]
    static let nameServerKeys = ["name server", "nameserver", "nameservers", "nserver", "name servers"]
    static let statusKeys = ["domain status", "status"]

    func recognizes(_ text: WHOISText) -> Bool { false }

    func parse(_ text: WHOISText, into record: inout WHOISRecord) {
        // A thin registry may list several objects (a domain and same-named hosts): read the first domain record.
        let fields = Self.firstRecord(text)
        record.domain = fields.first { Self.domainKeys.contains($0.key) && !$0.value.isEmpty }?.value
        record.registrar.name = Self.first(fields, Self.registrarKeys)
        record.registrar.ianaId = Self.first(fields, Self.ianaKeys)
        record.registrar.abuseEmail = Self.first(fields, Self.abuseEmailKeys)
        record.registrar.abusePhone = Self.first(fields, Self.abusePhoneKeys)
        record.registrar.whoisServer = Self.first(fields, Self.whoisServerKeys)
        record.registrant.organization = Self.first(fields, Self.organizationKeys)
        record.registrant.country = Self.first(fields, Self.countryKeys).flatMap(CountryNames.code(for:))
        record.created = Self.first(fields, Self.createdKeys).flatMap(WHOISDate.parse)
        record.updated = Self.first(fields, Self.updatedKeys).flatMap(WHOISDate.parse)
        record.expires = Self.first(fields, Self.expiresKeys).flatMap(WHOISDate.parse)
        record.nameServers = fields.filter { Self.nameServerKeys.contains($0.key) && !$0.value.isEmpty }.map(\.value)
        record.status = fields.filter { Self.statusKeys.contains($0.key) && !$0.value.isEmpty }.map(\.value)
    }

    /// The first value of the first key of `keys` that has one.
    static func first(_ fields: [WHOISText.Field], _ keys: [String]) -> String? {
        for key in keys {
            if let field = fields.first(where: { $0.key == key && !$0.value.isEmpty }) { return field.value }
        }
        return nil
    }

    /// The fields from the first `Domain Name:` line up to the next one (or all fields when there is none).
    static func firstRecord(_ text: WHOISText) -> [WHOISText.Field] {
        guard let start = text.fields.firstIndex(where: { $0.key == "domain name" }) else { return text.fields }
        let rest = text.fields[(start + 1)...]
        let end = rest.firstIndex { $0.key == "domain name" || $0.key == "server name" } ?? text.fields.endIndex
        return Array(text.fields[start..<end])
    }
}
