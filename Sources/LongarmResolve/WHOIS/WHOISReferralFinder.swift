import Foundation

/// Finds the next server a WHOIS answer points to (DESIGN: referral rules of whois.iana.org, thin registries,
/// ARIN, RWhois and APNIC transfers).
enum WHOISReferralFinder {
    static func find(in text: WHOISText, record: WHOISRecord) -> WHOISReferral? {
        let found = candidate(in: text, record: record)
        guard let found else { return nil }
        if let server = text.server, found.host == server { return nil }
        return found
    }

    private static func candidate(in text: WHOISText, record: WHOISRecord) -> WHOISReferral? {
        // IANA: the first `refer:` wins; IPv6 answers may carry only `whois:`.
        if let refer = text.value("refer") { return referral(from: refer) }
        // ARIN prints networks from least to most specific: the last ReferralServer is the one to follow.
        if let last = text.values("referralserver").last { return referral(from: last) }
        for line in text.lines.reversed() where line.lowercased().hasPrefix("%referral") {
            let value = line.dropFirst("%referral".count).trimmingCharacters(in: .whitespaces)
            if let found = referral(from: value) { return found }
        }
        // APNIC marks blocks transferred to another RIR; only together with the APNIC-STUB maintainer, which a
        // holder cannot write, is the descr line trusted.
        if text.values("mnt-by").contains(where: { $0.uppercased() == "APNIC-STUB" }),
            let descr = text.values("descr").first(where: { $0.lowercased().hasPrefix("transferred to the") })
        {
            let lower = descr.lowercased()
            let map = [
                "ripe": "whois.ripe.net", "arin": "whois.arin.net", "lacnic": "whois.lacnic.net",
                "afrinic": "whois.afrinic.net",
            ]
            if let host = map.first(where: { lower.contains($0.key) })?.value { return WHOISReferral(host: host) }
        }
        if record.layout == "iana", let whois = text.value("whois") { return referral(from: whois) }
        if let server = record.registrar.whoisServer { return referral(from: server) }
        return nil
    }

    /// Reads `whois://host[:port]`, `rwhois://host:port/path`, `host:port` or a bare host; `nil` for web URLs.
    static func referral(from value: String) -> WHOISReferral? {
        var rest = value.trimmingCharacters(in: .whitespaces).lowercased()
        var scheme = "whois"
        if rest.hasPrefix("http://") || rest.hasPrefix("https://") || rest.hasPrefix("www.") { return nil }
        if let range = rest.range(of: "://") {
            scheme = String(rest[..<range.lowerBound])
            rest = String(rest[range.upperBound...])
        }
        guard scheme == "whois" || scheme == "rwhois" else { return nil }
        if let slash = rest.firstIndex(of: "/") { rest = String(rest[..<slash]) }
        var port = scheme == "rwhois" ? 4321 : 43
        if let colon = rest.lastIndex(of: ":"), let number = Int(rest[rest.index(after: colon)...]) {
            port = number
            rest = String(rest[..<colon])
        }
        while rest.hasSuffix(".") { rest.removeLast() }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-"))
        guard !rest.isEmpty, rest.contains("."), rest.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
            return nil
        }
        return WHOISReferral(scheme: scheme, host: rest, port: port)
    }
}
