public import LongarmCore

/// A host name resolved to addresses, with the CNAME chain that led there.
public struct AddressResolution: Sendable, Hashable {
    /// The name asked for, lower-case, without the trailing dot.
    public var host: String
    /// The last name of the chain, the one that holds the addresses.
    public var canonicalName: String
    /// The CNAME records followed, in order (`host` → … → `canonicalName`).
    public var cnameChain: [DNSRecord]
    /// A records of `canonicalName`.
    public var a: [DNSRecord]
    /// AAAA records of `canonicalName`.
    public var aaaa: [DNSRecord]
    /// The response code of the address query (3 means NXDOMAIN).
    public var rcode: Int
    /// The server that answered, `host:port`.
    public var server: String

    /// Creates a resolution.
    public init(
        host: String,
        canonicalName: String,
        cnameChain: [DNSRecord],
        a: [DNSRecord],
        aaaa: [DNSRecord],
        rcode: Int,
        server: String
    ) {
        self.host = host
        self.canonicalName = canonicalName
        self.cnameChain = cnameChain
        self.a = a
        self.aaaa = aaaa
        self.rcode = rcode
        self.server = server
    }

    /// Every address found, IPv4 first.
    public var addresses: [IPAddress] {
        (a + aaaa).compactMap { IPAddress($0.data) }
    }
}
