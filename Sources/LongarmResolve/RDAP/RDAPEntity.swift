import Foundation
public import LongarmCore

/// One RDAP entity (a contact), with its jCard read into plain fields.
///
/// Entities nested inside other entities are flattened into the object's list; `depth` and `parentHandle` keep
/// where they sat (depth 1 = directly on the object; 0 = the object itself, when an entity was looked up).
public struct RDAPEntity: Sendable, Codable, Hashable {
    /// The registry's handle for the contact.
    public var handle: String?
    /// RDAP roles (`registrar`, `registrant`, `abuse`, `administrative`, `technical`, `noc`, …), lower-cased.
    public var roles: [String]
    /// jCard `kind` (`individual`, `org`, `group`).
    public var kind: String?
    /// jCard `fn`, unless it is a placeholder or redacted.
    public var name: String?
    /// jCard `org`, unless it is a placeholder or redacted.
    public var organization: String?
    /// E-mail addresses (placeholders and withheld catch-alls removed).
    public var emails: [String]
    /// Telephone numbers, `tel:` prefix removed.
    public var phones: [RDAPPhone]
    /// Country from `adr` (`cc` parameter, the country-name component, or the label's last line).
    public var country: CountryCode?
    /// `contact-uri` values: usually the web form that replaces a redacted e-mail.
    public var contactURIs: [String]
    /// The IANA registrar ID from `publicIds`.
    public var ianaRegistrarId: String?
    /// True when any of the contact's data was withheld (RFC 9537 or a placeholder value).
    public var redacted: Bool
    /// 1 for an entity directly on the object, 2 for one nested in it, and so on (0: the looked-up entity itself).
    public var depth: Int
    /// The handle of the entity this one is nested in.
    public var parentHandle: String?
    /// Links of the entity (the registrar's RDAP base sometimes sits here).
    public var links: [RDAPLink]

    /// Creates an entity.
    public init(
        handle: String? = nil,
        roles: [String] = [],
        kind: String? = nil,
        name: String? = nil,
        organization: String? = nil,
        emails: [String] = [],
        phones: [RDAPPhone] = [],
        country: CountryCode? = nil,
        contactURIs: [String] = [],
        ianaRegistrarId: String? = nil,
        redacted: Bool = false,
        depth: Int = 1,
        parentHandle: String? = nil,
        links: [RDAPLink] = []
    ) {
        self.handle = handle
        self.roles = roles
        self.kind = kind
        self.name = name
        self.organization = organization
        self.emails = emails
        self.phones = phones
        self.country = country
        self.contactURIs = contactURIs
        self.ianaRegistrarId = ianaRegistrarId
        self.redacted = redacted
        self.depth = depth
        self.parentHandle = parentHandle
        self.links = links
    }

    /// The first voice number (a number without a type counts as voice).
    public var voicePhone: String? { phones.first { $0.type == .voice }?.number }
    /// The first e-mail address.
    public var email: String? { emails.first }
    /// The organisation, or for an entity of kind `org` its formatted name.
    public var organizationName: String? { organization ?? (kind == "org" || kind == "group" ? name : nil) }
}

/// A telephone number from a jCard.
public struct RDAPPhone: Sendable, Codable, Hashable {
    /// Voice or fax.
    public enum Kind: String, Sendable, Codable, Hashable {
        case voice
        case fax
    }

    /// The number as published, without `tel:`.
    public var number: String
    /// Voice or fax.
    public var type: Kind

    /// Creates a number.
    public init(number: String, type: Kind) {
        self.number = number
        self.type = type
    }
}

/// An RDAP link (RFC 9083 §4.2).
public struct RDAPLink: Sendable, Codable, Hashable {
    /// The target.
    public var href: String
    /// The relation (`self`, `related`, …).
    public var rel: String?
    /// The media type of the target.
    public var type: String?

    /// Creates a link.
    public init(href: String, rel: String? = nil, type: String? = nil) {
        self.href = href
        self.rel = rel
        self.type = type
    }

    /// True for a link to another RDAP document (`related`, `application/rdap+json`): a registry→registrar referral.
    public var isRDAPReferral: Bool {
        rel?.lowercased() == "related" && (type?.lowercased().hasPrefix("application/rdap+json") ?? false)
    }
}
