/// One request and response of a capture, as recorded: the facts, and where its bytes are kept.
public struct EvidenceExchange: Sendable, Codable, Hashable {
    /// Position in the redirect chain, from 0.
    public var ordinal: Int
    /// The URL requested.
    public var url: String
    /// `GET` …
    public var method: String
    /// The response status.
    public var status: Int
    /// `HTTP/1.1`, `HTTP/2` …
    public var httpVersion: String?
    /// The address actually connected to.
    public var primaryIP: String?
    /// The port actually connected to.
    public var primaryPort: Int?
    /// The `Location` header, for redirects.
    public var location: String?
    /// SHA-256 (hex) of the body as kept; the content store's name for it.
    public var bodySHA256: String
    /// Bytes of body kept.
    public var bodySize: Int
    /// True when the body was cut at the byte limit.
    public var bodyTruncated: Bool
    /// Whether TLS verified; `nil` for plain HTTP.
    public var tlsVerified: Bool?
    /// The server's certificate chain, PEM, leaf first.
    public var certificateChain: [String]
    /// When the request started: UTC, ISO 8601 with milliseconds.
    public var startedAt: String
    /// Seconds from start to the end of the transfer.
    public var totalSeconds: Double
    /// `WARC-Record-ID`s of the request, response and metadata records.
    public var warcRecordIDs: [String]

    /// Creates an exchange record.
    public init(
        ordinal: Int,
        url: String,
        method: String,
        status: Int,
        httpVersion: String?,
        primaryIP: String?,
        primaryPort: Int?,
        location: String?,
        bodySHA256: String,
        bodySize: Int,
        bodyTruncated: Bool,
        tlsVerified: Bool?,
        certificateChain: [String],
        startedAt: String,
        totalSeconds: Double,
        warcRecordIDs: [String]
    ) {
        self.ordinal = ordinal
        self.url = url
        self.method = method
        self.status = status
        self.httpVersion = httpVersion
        self.primaryIP = primaryIP
        self.primaryPort = primaryPort
        self.location = location
        self.bodySHA256 = bodySHA256
        self.bodySize = bodySize
        self.bodyTruncated = bodyTruncated
        self.tlsVerified = tlsVerified
        self.certificateChain = certificateChain
        self.startedAt = startedAt
        self.totalSeconds = totalSeconds
        self.warcRecordIDs = warcRecordIDs
    }
}
