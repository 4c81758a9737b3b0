/// DNS record types Longarm asks for.
public enum DNSRecordType: UInt16, Sendable, Hashable, Codable, CaseIterable {
    case a = 1
    case ns = 2
    case cname = 5
    case soa = 6
    case txt = 16
    case aaaa = 28
}

/// One resource record of an answer, with its data in presentation form.
public struct DNSRecord: Sendable, Hashable, Codable {
    /// The owner name, lower-case, without the trailing dot.
    public var name: String
    public var type: DNSRecordType
    public var ttl: UInt32
    /// Addresses in text form, names without the trailing dot, TXT strings joined.
    public var data: String

    public init(name: String, type: DNSRecordType, ttl: UInt32, data: String) {
        self.name = name
        self.type = type
        self.ttl = ttl
        self.data = data
    }
}

/// The outcome of one DNS question.
public struct DNSAnswer: Sendable, Hashable {
    /// The response code: 0 no error, 2 SERVFAIL, 3 NXDOMAIN …
    public var rcode: Int
    /// The answer section.
    public var records: [DNSRecord]
    /// The server that answered, `host:port`.
    public var server: String

    public init(rcode: Int, records: [DNSRecord], server: String) {
        self.rcode = rcode
        self.records = records
        self.server = server
    }
}

/// Something that asks DNS questions: a wire-format client in production, a fake in unit tests.
public protocol DNSResolving: Sendable {
    /// Asks for records of `type` at `name`. Throws only when no server answered at all (timeout, refused).
    func query(_ name: String, type: DNSRecordType) async throws -> DNSAnswer
}
