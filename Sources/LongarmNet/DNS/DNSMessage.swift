public import LongarmCore

/// A DNS message in the RFC 1035 wire format: the query Longarm sends and the response it decodes.
public struct DNSMessage: Sendable, Hashable {
    /// The query id the response must echo.
    public var id: UInt16
    /// QR: true for a response.
    public var isResponse: Bool
    /// OPCODE: 0 for a standard query.
    public var opcode: Int
    /// AA: the answer comes from an authoritative server.
    public var authoritative: Bool
    /// TC: the answer did not fit into the UDP datagram; ask again over TCP.
    public var truncated: Bool
    /// RD: recursion desired.
    public var recursionDesired: Bool
    /// RCODE: 0 no error, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED …
    public var rcode: Int
    /// The question section.
    public var questions: [DNSQuestion]
    /// The answer section, records of types Longarm knows (others are skipped).
    public var answers: [DNSRecord]
    /// The authority section, records of types Longarm knows.
    public var authority: [DNSRecord]

    /// Creates a message.
    public init(
        id: UInt16,
        isResponse: Bool = false,
        opcode: Int = 0,
        authoritative: Bool = false,
        truncated: Bool = false,
        recursionDesired: Bool = true,
        rcode: Int = 0,
        questions: [DNSQuestion] = [],
        answers: [DNSRecord] = [],
        authority: [DNSRecord] = []
    ) {
        self.id = id
        self.isResponse = isResponse
        self.opcode = opcode
        self.authoritative = authoritative
        self.truncated = truncated
        self.recursionDesired = recursionDesired
        self.rcode = rcode
        self.questions = questions
        self.answers = answers
        self.authority = authority
    }

    /// The wire form of a query for `name`/`type` with recursion desired.
    public static func query(id: UInt16, name: String, type: DNSRecordType) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 + name.utf8.count)
        append16(id, to: &bytes)
        append16(0x0100, to: &bytes)  // standard query, RD
        append16(1, to: &bytes)
        append16(0, to: &bytes)
        append16(0, to: &bytes)
        append16(0, to: &bytes)
        try DNSName.encode(name, into: &bytes)
        append16(type.rawValue, to: &bytes)
        append16(1, to: &bytes)  // class IN
        return bytes
    }

    /// Decodes a message; throws `malformedResponse` for anything that does not parse.
    public init(decoding bytes: [UInt8]) throws {
        var reader = DNSReader(bytes: bytes)
        id = try reader.read16()
        let flags = try reader.read16()
        isResponse = flags & 0x8000 != 0
        opcode = Int((flags >> 11) & 0xF)
        authoritative = flags & 0x0400 != 0
        truncated = flags & 0x0200 != 0
        recursionDesired = flags & 0x0100 != 0
        rcode = Int(flags & 0xF)
        let questionCount = try reader.read16()
        let answerCount = try reader.read16()
        let authorityCount = try reader.read16()
        _ = try reader.read16()
        questions = []
        for _ in 0..<questionCount {
            let name = try reader.readName()
            let type = try reader.read16()
            let recordClass = try reader.read16()
            questions.append(DNSQuestion(name: name, type: type, recordClass: recordClass))
        }
        answers = []
        authority = []
        // A truncated response may end mid-section; keep what decoded.
        do {
            for _ in 0..<answerCount {
                if let record = try reader.readRecord() { answers.append(record) }
            }
            for _ in 0..<authorityCount {
                if let record = try reader.readRecord() { authority.append(record) }
            }
        } catch  where truncated {}
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }
}

/// One entry of the question section.
public struct DNSQuestion: Sendable, Hashable {
    /// The name asked for, lower-case, without the trailing dot.
    public var name: String
    /// The record type as a number (1 A, 28 AAAA …).
    public var type: UInt16
    /// The class, 1 for IN.
    public var recordClass: UInt16

    /// Creates a question.
    public init(name: String, type: UInt16, recordClass: UInt16 = 1) {
        self.name = name
        self.type = type
        self.recordClass = recordClass
    }
}
