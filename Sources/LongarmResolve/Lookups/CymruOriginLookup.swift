public import LongarmCore

/// The origin AS of an address from Team Cymru's DNS interface, with the AS name asked once per AS.
public struct CymruOriginLookup: OriginASNLookup {
    private let cymru: CymruASN
    private let names: CymruASNNames

    /// Creates a lookup over `resolver`, which must reach a server that answers for `asn.cymru.com`.
    public init(resolver: any DNSResolving) {
        cymru = CymruASN(resolver: resolver)
        names = CymruASNNames(cymru: cymru)
    }

    public func lookup(ip: String) async -> Lookup<ASNOrigin> {
        guard let address = IPAddress(ip) else { return Lookup(nil, warnings: ["\(ip): not an IP address"]) }
        do {
            guard let origin = try await cymru.origin(for: address), let asn = origin.best.asns.first else {
                return Lookup(nil, warnings: ["\(ip): not announced in BGP according to \(cymru.originZone)"])
            }
            var warnings: [String] = []
            var name: String?
            do {
                name = try await names.record(asn)?.name
            } catch {
                warnings.append("AS\(asn): no name from \(cymru.asnZone): \(error)")
            }
            let value = ASNOrigin(
                asn: Int(asn),
                asName: name,
                prefix: origin.best.prefix.description,
                country: origin.best.allocationCountry,
                source: origin.source
            )
            return Lookup(value, warnings: warnings)
        } catch {
            return Lookup(nil, warnings: ["\(ip): origin AS unknown: \(error)"])
        }
    }
}
