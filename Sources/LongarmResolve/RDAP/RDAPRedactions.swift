import Foundation

/// The `redacted` members of an RDAP response (RFC 9537), read as (role, field) pairs.
struct RDAPRedactions: Sendable {
    /// One withheld field: the contact role it belongs to and the jCard field.
    struct Entry: Sendable, Hashable {
        var name: String
        var role: String?
        var field: String?
    }

    let entries: [Entry]

    init(root: JSONValue) {
        entries = (root["redacted"]?.arrayValue ?? []).map { member in
            let name =
                member["name"]?["type"]?.stringValue ?? member["name"]?["description"]?.stringValue
                ?? member["name"]?.stringValue ?? "unnamed"
            let paths = ["prePath", "postPath", "replacementPath"].compactMap { member[$0]?.stringValue }
            let text = ([name] + paths).joined(separator: " ").lowercased()
            return Entry(name: name, role: Self.role(in: text), field: Self.field(in: text))
        }
    }

    /// The names of the withheld fields, as published.
    var names: [String] { entries.map(\.name) }

    /// True when any withheld field belongs to contacts of `role`.
    func covers(role: String) -> Bool { entries.contains { $0.role == role } }

    /// True when `field` (`name`, `organization`, `email`, `phone`, `address`, `country`) of `role` is withheld.
    func covers(role: String, field: String) -> Bool { entries.contains { $0.role == role && $0.field == field } }

    static func role(in text: String) -> String? {
        if text.contains("registrant") { return "registrant" }
        if text.contains("tech") { return "technical" }
        if text.contains("admin") { return "administrative" }
        if text.contains("billing") { return "billing" }
        return nil
    }

    static func field(in text: String) -> String? {
        if text.contains("organization") || text.contains("organisation") || text.contains("'org'") {
            return "organization"
        }
        if text.contains("email") || text.contains("e-mail") { return "email" }
        if text.contains("phone") || text.contains("'tel'") || text.contains("fax") { return "phone" }
        if text.contains("street") || text.contains("city") || text.contains("postal") || text.contains("'adr'") {
            return "address"
        }
        if text.contains("country") { return "country" }
        if text.contains("name") || text.contains("'fn'") { return "name" }
        if text.contains("handle") || text.contains(" id") { return "handle" }
        return nil
    }
}
