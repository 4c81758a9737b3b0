/// One DNS question asked during a capture and what the resolver said.
public struct ResolutionFact: Sendable, Codable, Hashable {
    /// The name asked about.
    public var name: String
    /// The record type asked for.
    public var type: DNSRecordType
    /// The response code (0 no error, 3 NXDOMAIN …), or `nil` when no server answered.
    public var rcode: Int?
    /// The server that answered, `host:port`.
    public var server: String?
    /// The answer section.
    public var records: [DNSRecord]
    /// Why there is no answer, when none came.
    public var error: String?

    /// Creates a fact.
    public init(
        name: String,
        type: DNSRecordType,
        rcode: Int?,
        server: String?,
        records: [DNSRecord],
        error: String? = nil
    ) {
        self.name = name
        self.type = type
        self.rcode = rcode
        self.server = server
        self.records = records
        self.error = error
    }
}
