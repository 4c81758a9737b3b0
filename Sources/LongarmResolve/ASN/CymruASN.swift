import Foundation
public import LongarmCore

/// Origin AS, BGP prefix and AS name of an address through Team Cymru's IP-to-ASN DNS zones, asked over any
/// `DNSResolving` (the same DNS client as the rest of resolution).
///
/// Cymru's country and registry fields come from the RIRs' allocation files: they say who allocated the
/// space, never where a server is. Use MMDB for location and RDAP for the network's holder.
public struct CymruASN: Sendable {
    /// The origin answer for one address.
    public struct Origin: Sendable, Hashable {
        /// The record with the longest prefix that holds the address.
        public var best: CymruOrigin
        /// Every record returned (covering and more-specific prefixes), longest prefix first.
        public var all: [CymruOrigin]
        /// The DNS server that answered and the name asked.
        public var source: FactSource
    }

    /// The DNS client to ask.
    public let resolver: any DNSResolving
    /// The zone of IPv4 origins.
    public var originZone = "origin.asn.cymru.com"
    /// The zone of IPv6 origins.
    public var origin6Zone = "origin6.asn.cymru.com"
    /// The zone of AS records.
    public var asnZone = "asn.cymru.com"

    /// Creates a client over `resolver`.
    public init(resolver: any DNSResolving) {
        self.resolver = resolver
    }

    /// `4.3.2.1.origin.asn.cymru.com` for 1.2.3.4; 32 reversed nibbles under `origin6.asn.cymru.com` for IPv6.
    public func originQueryName(for address: IPAddress) -> String {
        let address = address.unmappedV4 ?? address
        switch address.family {
        case .v4:
            return address.bytes.reversed().map(String.init).joined(separator: ".") + "." + originZone
        case .v6:
            let nibbles = address.bytes.flatMap { [$0 >> 4, $0 & 0x0f] }
            return nibbles.reversed().map { String($0, radix: 16) }.joined(separator: ".") + "." + origin6Zone
        }
    }

    /// `AS15169.asn.cymru.com`.
    public func asnQueryName(for asn: UInt32) -> String { "AS\(asn).\(asnZone)" }

    /// The origin of `address`; `nil` when the prefix is not announced (NXDOMAIN or no usable record).
    ///
    /// Throws `CymruError` for a server failure or a refusal; the DNS client's own errors (no answer at all)
    /// pass through.
    public func origin(for address: IPAddress) async throws -> Origin? {
        let name = originQueryName(for: address)
        let answer = try await resolver.query(name, type: .txt)
        guard try Self.accept(answer, name: name) else { return nil }
        let target = address.unmappedV4 ?? address
        let records = answer.records.filter { $0.type == .txt }.compactMap { CymruOrigin(txt: $0.data) }
            .sorted { $0.prefix.prefixLength > $1.prefix.prefixLength }
        // A record whose prefix does not hold the address is junk (or an answer to another question).
        guard let best = records.first(where: { $0.prefix.contains(target) }) else { return nil }
        return Origin(best: best, all: records, source: FactSource(.cymru, server: "\(answer.server) \(name)"))
    }

    /// The AS record of `asn` (its name and registry); `nil` when Cymru has none.
    public func asnRecord(_ asn: UInt32) async throws -> CymruASNRecord? {
        let name = asnQueryName(for: asn)
        let answer = try await resolver.query(name, type: .txt)
        guard try Self.accept(answer, name: name) else { return nil }
        return answer.records.filter { $0.type == .txt }.compactMap { CymruASNRecord(txt: $0.data) }
            .first { $0.asn == asn }
    }

    /// True for NOERROR, false for NXDOMAIN; other codes are failures worth a warning.
    private static func accept(_ answer: DNSAnswer, name: String) throws(CymruError) -> Bool {
        switch answer.rcode {
        case 0: return true
        case 3: return false
        default: throw CymruError(name: name, server: answer.server, rcode: answer.rcode)
        }
    }
}
