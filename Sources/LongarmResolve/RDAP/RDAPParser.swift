public import Foundation
public import Logging
import LongarmCore

/// Reads RDAP responses (RFC 9083) of any object class into an `RDAPObject`.
public struct RDAPParser: Sendable {
    /// Responses longer than this are refused.
    public var maximumBytes: Int
    /// Entities nested deeper than this are ignored (a guard against hostile documents).
    public var maximumEntityDepth: Int
    /// Where refused documents are logged, at debug level.
    public var logger: Logger

    /// Creates a parser with a byte limit (default 4 MiB).
    public init(
        maximumBytes: Int = 4 << 20,
        maximumEntityDepth: Int = 8,
        logger: Logger = Logger(label: "longarm.rdap")
    ) {
        self.maximumBytes = maximumBytes
        self.maximumEntityDepth = maximumEntityDepth
        self.logger = logger
    }

    /// Parses `data`; `input` names it in errors (the URL or file it came from).
    public func parse(_ data: Data, input: String = "RDAP response") throws(RDAPError) -> RDAPObject {
        guard data.count <= maximumBytes else {
            throw RDAPError(.tooLarge, input: input, detail: "\(data.count) bytes exceeds the limit of \(maximumBytes)")
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            logger.debug("refused RDAP document", metadata: ["rdap.url": "\(input)", "rdap.error": "\(error)"])
            throw RDAPError(.malformedJSON, input: input, detail: "not valid JSON (\(Self.reason(error)))")
        }
        guard root.isObject else {
            throw RDAPError(.notAnRDAPObject, input: input, detail: "the JSON document is not an object")
        }
        guard let objectClass = Self.objectClass(of: root) else {
            throw RDAPError(
                .notAnRDAPObject,
                input: input,
                detail: "no objectClassName and no member of a domain, network, autnum or error document"
            )
        }
        return read(root, objectClass: objectClass)
    }

    static func objectClass(of root: JSONValue) -> String? {
        if let name = root["objectClassName"]?.stringValue { return name.lowercased() }
        if root["errorCode"] != nil { return "error" }
        if root["startAutnum"] != nil { return "autnum" }
        if root["startAddress"] != nil { return "ip network" }
        if root["ldhName"] != nil { return "domain" }
        return nil
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo["NSDebugDescription"] as? String { return detail }
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError as? NSError,
                let detail = underlying.userInfo["NSDebugDescription"] as? String
            {
                return detail
            }
            if let underlying = context.underlyingError {
                return "\(context.debugDescription) \(underlying)"
            }
            return context.debugDescription
        }
        return String(describing: error)
    }

    private func read(_ root: JSONValue, objectClass: String) -> RDAPObject {
        var object = RDAPObject(objectClass: objectClass)
        object.handle = root["handle"]?.stringValue
        object.status = root["status"]?.stringArray ?? []
        object.port43 = root["port43"]?.stringValue
        let redactions = RDAPRedactions(root: root)
        object.redactions = redactions.names
        var flat: [RDAPEntity] = []
        var parent: String?
        if objectClass == "entity" {
            // An entity lookup answers with the contact itself: list it at depth 0, its nested contacts below it.
            let own = JCardReader.entity(from: root, depth: 0, parent: nil, redactions: redactions)
            flat.append(own)
            parent = own.handle
        }
        collectEntities(
            root["entities"]?.arrayValue ?? [],
            depth: 1,
            parent: parent,
            redactions: redactions,
            into: &flat
        )
        for entity in flat {
            for role in entity.roles.isEmpty ? ["none"] : entity.roles {
                object.entities[role, default: []].append(entity)
            }
        }
        let links = Self.links(root["links"])
        object.registrarLink =
            (links + flat.filter { $0.roles.contains("registrar") }.flatMap(\.links))
            .first { $0.isRDAPReferral && !$0.href.isEmpty && $0.href != links.first { $0.rel == "self" }?.href }?.href

        switch objectClass {
        case "domain":
            object.domain = domainPart(root)
        case "ip network":
            object.network = networkPart(root, port43: object.port43)
        case "autnum":
            object.autnum = autnumPart(root, port43: object.port43)
        case "nameserver":
            var part = RDAPNameserverPart()
            part.ldhName = root["ldhName"]?.stringValue.map(Self.hostName)
            part.ipv4 = root["ipAddresses"]?["v4"]?.stringArray ?? []
            part.ipv6 = root["ipAddresses"]?["v6"]?.stringArray ?? []
            object.nameserver = part
        case "error":
            object.error = RDAPErrorPart(
                code: root["errorCode"]?.intValue,
                title: root["title"]?.stringValue,
                description: root["description"]?.stringArray ?? []
            )
        default:
            break
        }
        object.registrar = registrarPart(flat)
        object.registrant = registrantPart(flat, redactions: redactions)
        object.abuse = abusePart(flat)
        return object
    }

    private func collectEntities(
        _ values: [JSONValue],
        depth: Int,
        parent: String?,
        redactions: RDAPRedactions,
        into flat: inout [RDAPEntity]
    ) {
        guard depth <= maximumEntityDepth else { return }
        for value in values where value.isObject {
            let entity = JCardReader.entity(from: value, depth: depth, parent: parent, redactions: redactions)
            flat.append(entity)
            collectEntities(
                value["entities"]?.arrayValue ?? [],
                depth: depth + 1,
                parent: entity.handle,
                redactions: redactions,
                into: &flat
            )
        }
    }

    static func links(_ value: JSONValue?) -> [RDAPLink] {
        (value?.arrayValue ?? []).compactMap { link in
            guard let href = link["href"]?.stringValue else { return nil }
            return RDAPLink(href: href, rel: link["rel"]?.stringValue, type: link["type"]?.stringValue)
        }
    }

    static func hostName(_ text: String) -> String {
        var name = text.trimmingCharacters(in: .whitespaces).lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }

    static func events(_ root: JSONValue) -> [String: Date] {
        var result: [String: Date] = [:]
        for event in root["events"]?.arrayValue ?? [] {
            guard let action = event["eventAction"]?.stringValue?.lowercased(),
                let text = event["eventDate"]?.stringValue, let date = WHOISDate.parse(text)
            else { continue }
            if result[action] == nil { result[action] = date }
        }
        return result
    }

    private func domainPart(_ root: JSONValue) -> RDAPDomainPart {
        var part = RDAPDomainPart()
        part.ldhName = root["ldhName"]?.stringValue.map(Self.hostName)
        part.unicodeName = root["unicodeName"]?.stringValue
        let events = Self.events(root)
        part.created = events["registration"]
        part.expires = events["expiration"]
        part.updated = events["last changed"]
        part.nameServers = (root["nameservers"]?.arrayValue ?? []).compactMap {
            $0["ldhName"]?.stringValue.map(Self.hostName)
        }
        return part
    }

    private func networkPart(_ root: JSONValue, port43: String?) -> RDAPNetworkPart {
        var part = RDAPNetworkPart()
        part.name = root["name"]?.stringValue
        part.startAddress = root["startAddress"]?.stringValue
        part.endAddress = root["endAddress"]?.stringValue
        part.ipVersion = root["ipVersion"]?.stringValue
        part.country = root["country"]?.stringValue.flatMap(CountryNames.code(for:))
        part.type = root["type"]?.stringValue
        part.parentHandle = root["parentHandle"]?.stringValue
        part.registry = RIRName.guess(port43: port43, handle: root["handle"]?.stringValue)
        let published: [String] = (root["cidr0_cidrs"]?.arrayValue ?? []).compactMap { block in
            guard let prefix = block["v4prefix"]?.stringValue ?? block["v6prefix"]?.stringValue,
                let length = block["length"]?.intValue
            else { return nil }
            return "\(prefix)/\(length)"
        }
        if !published.isEmpty {
            part.cidrs = published
        } else if let start = part.startAddress, let end = part.endAddress, let range = IPRange(start: start, end: end)
        {
            part.cidrs = range.cidrs
        }
        return part
    }

    private func autnumPart(_ root: JSONValue, port43: String?) -> RDAPAutnumPart {
        var part = RDAPAutnumPart()
        part.start = root["startAutnum"]?.intValue
        part.end = root["endAutnum"]?.intValue
        part.name = root["name"]?.stringValue
        part.country = root["country"]?.stringValue.flatMap(CountryNames.code(for:))
        part.type = root["type"]?.stringValue
        part.registry = RIRName.guess(port43: port43, handle: root["handle"]?.stringValue)
        return part
    }
}
