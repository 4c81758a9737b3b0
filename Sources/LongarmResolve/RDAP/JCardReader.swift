import Foundation
import LongarmCore

/// Reads an RDAP entity's jCard (RFC 7095) and identifiers into an `RDAPEntity`.
enum JCardReader {
    static func entity(from value: JSONValue, depth: Int, parent: String?, redactions: RDAPRedactions) -> RDAPEntity {
        var entity = RDAPEntity(depth: depth, parentHandle: parent)
        entity.roles = value["roles"]?.stringArray.map { $0.lowercased() } ?? []
        entity.links = RDAPParser.links(value["links"])
        if let handle = value["handle"]?.stringValue, !handle.isEmpty {
            if RedactionMarker.isRedacted(handle) {
                entity.redacted = true
            } else {
                entity.handle = handle
            }
        }
        for publicId in value["publicIds"]?.arrayValue ?? [] {
            let type = publicId["type"]?.stringValue?.lowercased() ?? ""
            if type.contains("iana") && type.contains("registrar"), let id = publicId["identifier"] {
                entity.ianaRegistrarId = id.stringValue ?? id.intValue.map(String.init)
            }
        }
        if entity.ianaRegistrarId == nil, entity.roles.contains("registrar"), let handle = entity.handle,
            !handle.isEmpty, handle.allSatisfy(\.isNumber)
        {
            // Verisign and other gTLD registries use the IANA ID as the registrar entity's handle.
            entity.ianaRegistrarId = handle
        }
        read(vcard: value["vcardArray"], into: &entity)
        applyRedactions(redactions, to: &entity)
        return entity
    }

    private static func read(vcard: JSONValue?, into entity: inout RDAPEntity) {
        guard let vcard, vcard.arrayValue.count >= 2 else { return }
        for property in vcard.arrayValue[1].arrayValue {
            let parts = property.arrayValue
            guard parts.count >= 4, let name = parts[0].stringValue?.lowercased() else { continue }
            let parameters = parts[1]
            let value = parts[3]
            switch name {
            case "fn":
                let (name, redacted) = cleaned(text(value))
                entity.name = name ?? entity.name
                entity.redacted = entity.redacted || redacted
            case "org":
                let (organization, redacted) = cleaned(text(value))
                entity.organization = organization ?? entity.organization
                entity.redacted = entity.redacted || redacted
            case "kind":
                entity.kind = text(value)?.lowercased()
            case "email":
                if let email = text(value) {
                    if RedactionMarker.isRedacted(email) || !email.contains("@") {
                        entity.redacted = entity.redacted || RedactionMarker.isRedacted(email)
                    } else if !entity.emails.contains(email) {
                        entity.emails.append(email)
                    }
                }
            case "tel":
                guard var number = text(value) else { continue }
                if number.lowercased().hasPrefix("tel:") { number = String(number.dropFirst(4)) }
                number = number.trimmingCharacters(in: .whitespaces)
                guard !number.isEmpty, !RedactionMarker.isRedacted(number) else { continue }
                let types = parameters["type"]?.stringArray.map { $0.lowercased() } ?? []
                entity.phones.append(RDAPPhone(number: number, type: types.contains("fax") ? .fax : .voice))
            case "adr":
                if entity.country == nil { entity.country = country(parameters: parameters, value: value) }
            case "contact-uri":
                if let uri = text(value) { entity.contactURIs.append(uri) }
            default:
                continue
            }
        }
    }

    /// A name or organisation, or `nil` and `redacted` when it is a placeholder.
    private static func cleaned(_ text: String?) -> (String?, Bool) {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return (nil, false) }
        return RedactionMarker.isRedacted(text) ? (nil, true) : (text, false)
    }

    private static func text(_ value: JSONValue) -> String? {
        if let string = value.stringValue { return string }
        // `org` may be structured (organisation name, units…): take the first non-empty component.
        return value.stringArray.first { !$0.isEmpty }
    }

    private static func country(parameters: JSONValue, value: JSONValue) -> CountryCode? {
        if let cc = parameters["cc"]?.stringValue, let code = CountryNames.code(for: cc) { return code }
        let components = value.arrayValue
        if components.count >= 7 {
            let countryName = components[6].stringValue ?? components[6].stringArray.last ?? ""
            if let code = CountryNames.code(for: countryName) { return code }
        }
        if let label = parameters["label"]?.stringValue {
            let lines = label.split(whereSeparator: \.isNewline)
            if let last = lines.last, let code = CountryNames.code(for: String(last)) { return code }
        }
        return nil
    }

    private static func applyRedactions(_ redactions: RDAPRedactions, to entity: inout RDAPEntity) {
        for role in entity.roles where redactions.covers(role: role) {
            entity.redacted = true
            if redactions.covers(role: role, field: "name") { entity.name = nil }
            if redactions.covers(role: role, field: "organization") { entity.organization = nil }
            if redactions.covers(role: role, field: "email") { entity.emails = [] }
            if redactions.covers(role: role, field: "phone") { entity.phones = [] }
        }
    }
}
