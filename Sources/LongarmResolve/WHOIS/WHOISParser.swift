public import Foundation
public import Logging
import LongarmCore

/// Reads WHOIS answers of registries and regional internet registries into `WHOISRecord`s.
public struct WHOISParser: Sendable {
    /// Answers longer than this are refused.
    public var maximumBytes: Int
    /// The layouts to choose from, most specific first; the generic ICANN layout is the fallback.
    public var layouts: [any WHOISLayout]
    /// Where the chosen layout and character set are logged, at debug level.
    public var logger: Logger

    /// The layouts Longarm knows.
    public static let standardLayouts: [any WHOISLayout] = [
        IANALayout(), ARINLayout(), LACNICLayout(), RPSLLayout(), JPRSLayout(), KISALayout(), TCILayout(),
        CNNICLayout(), HKIRCLayout(), TWNICLayout(), DENICLayout(), NominetLayout(), AFNICLayout(), SIDNLayout(),
        EURidLayout(), RegistroBRLayout(), AuDALayout(),
    ]

    /// Creates a parser with a byte limit (default 1 MiB).
    public init(
        maximumBytes: Int = 1 << 20,
        layouts: [any WHOISLayout] = WHOISParser.standardLayouts,
        logger: Logger = Logger(label: "longarm.whois")
    ) {
        self.maximumBytes = maximumBytes
        self.layouts = layouts
        self.logger = logger
    }

    /// Decodes and parses the bytes of an answer to `query` from `server`; `input` names it in errors.
    public func parse(
        _ data: Data,
        query: String? = nil,
        server: String? = nil,
        input: String = "WHOIS answer"
    ) throws(WHOISError) -> WHOISResponse {
        guard data.count <= maximumBytes else {
            throw WHOISError(
                .tooLarge,
                input: input,
                detail: "\(data.count) bytes exceeds the limit of \(maximumBytes)"
            )
        }
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw WHOISError(.empty, input: input, detail: "the answer is empty")
        }
        guard !data.contains(0) else {
            throw WHOISError(.notText, input: input, detail: "the answer contains NUL bytes; it is not WHOIS text")
        }
        let hint = WHOISText("", query: query, server: server)
        let (text, encoding) = WHOISDecoder.decode(data, tld: hint.tld, server: server)
        let record = parse(text: text, query: query, server: server, encoding: encoding)
        return WHOISResponse(raw: data, text: text, record: record)
    }

    /// Parses already decoded text.
    public func parse(
        text: String,
        query: String? = nil,
        server: String? = nil,
        encoding: String = "UTF-8"
    )
        -> WHOISRecord
    {
        let whois = WHOISText(text, query: query, server: server)
        let layout = layout(for: whois)
        var record = WHOISRecord(layout: layout.name, encoding: encoding)
        layout.parse(whois, into: &record)
        normalize(&record, whois)
        logger.debug(
            "parsed WHOIS answer",
            metadata: [
                "whois.server": "\(server ?? "-")", "whois.layout": "\(layout.name)", "whois.encoding": "\(encoding)",
                "whois.found": "\(record.found)", "whois.throttled": "\(record.throttled)",
            ]
        )
        return record
    }

    /// The layout for `text`: by server, then by TLD, then by content, else the generic ICANN layout.
    public func layout(for text: WHOISText) -> any WHOISLayout {
        if let server = text.server, let layout = layouts.first(where: { $0.servers.contains(server) }) {
            return layout
        }
        if let layout = layouts.first(where: { $0.recognizes(text) }) { return layout }
        if let tld = text.tld, let layout = layouts.first(where: { $0.tlds.contains(tld) }) { return layout }
        return ICANNLayout()
    }

    private func normalize(_ record: inout WHOISRecord, _ text: WHOISText) {
        record.domain = record.domain.map(Self.hostName).flatMap { $0.isEmpty ? nil : $0 }
        var seen = Set<String>()
        record.nameServers = record.nameServers.compactMap { value in
            guard let first = value.split(whereSeparator: \.isWhitespace).first else { return nil }
            let host = Self.hostName(String(first))
            return host.contains(".") && seen.insert(host).inserted ? host : nil
        }
        var seenStatus = Set<String>()
        record.status = record.status.compactMap { value in
            var status = value
            for marker in [" http", " (http", "(http", " https"] {
                if let range = status.range(of: marker) { status = String(status[..<range.lowerBound]) }
            }
            status = status.trimmingCharacters(in: .whitespaces)
            return !status.isEmpty && seenStatus.insert(status).inserted ? status : nil
        }
        if let organization = record.registrant.organization, RedactionMarker.isRedacted(organization) {
            record.registrant.organization = nil
            record.registrant.redacted = true
        }
        if text.fields.contains(where: {
            ($0.key.hasPrefix("registrant") || $0.key == "holder" || $0.key == "owner")
                && RedactionMarker.isRedacted($0.value)
        }) {
            record.registrant.redacted = true
        }
        if let email = record.registrar.abuseEmail, RedactionMarker.isRedacted(email) || !email.contains("@") {
            record.registrar.abuseEmail = nil
        }
        record.throttled = WHOISAnswerKind.isThrottled(text) && !record.hasContent
        let notFound = WHOISAnswerKind.isNotFound(text, hasContent: record.hasContent)
        record.found = record.hasContent && !notFound && !record.throttled
        record.referral = WHOISReferralFinder.find(in: text, record: record)
        if let server = record.registrar.whoisServer {
            record.registrar.whoisServer = WHOISReferralFinder.referral(from: server)?.host
        }
    }

    static func hostName(_ text: String) -> String {
        var name = text.trimmingCharacters(in: .whitespaces).lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }
}
