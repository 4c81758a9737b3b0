public import Foundation

/// One HTTP request as Longarm sends it.
public struct HTTPRequest: Sendable, Hashable {
    /// The absolute URL.
    public var url: String
    /// `GET` unless stated.
    public var method: String
    /// Extra request headers, in order.
    public var headers: [HTTPHeader]
    /// The request body (for `POST`), if any.
    public var body: Data?
    /// Bytes of body to keep; the rest is discarded and the exchange marked truncated.
    public var maxBodyBytes: Int
    /// Time limit for the whole exchange.
    public var timeout: Duration
    /// Whether to ask for the server's certificate chain (evidence capture).
    public var captureCertificates: Bool
    /// Whether to record the request head exactly as written (evidence); off saves the client's verbose tracing,
    /// which re-checks at thousands of requests a second do not need.
    public var recordRequestHead: Bool

    /// Creates a request; the defaults suit RDAP and other API calls.
    public init(
        url: String,
        method: String = "GET",
        headers: [HTTPHeader] = [],
        body: Data? = nil,
        maxBodyBytes: Int = 4 << 20,
        timeout: Duration = .seconds(15),
        captureCertificates: Bool = false,
        recordRequestHead: Bool = true
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.maxBodyBytes = maxBodyBytes
        self.timeout = timeout
        self.captureCertificates = captureCertificates
        self.recordRequestHead = recordRequestHead
    }
}

/// A header name and value, kept in the order they were sent or received.
public struct HTTPHeader: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One request and its response, exactly as exchanged: no redirect is followed inside an exchange.
public struct HTTPExchange: Sendable, Hashable {
    /// The request as asked for.
    public var request: HTTPRequest
    /// The request head as written on the wire (request line and headers), when the client records it.
    public var rawRequestHead: String?
    /// The response status code.
    public var status: Int
    /// The status line and headers as received, when the client records it.
    public var rawResponseHead: String?
    /// The response headers, in order.
    public var headers: [HTTPHeader]
    /// The body, at most `request.maxBodyBytes` long.
    public var body: Data
    /// True when the body was cut at `request.maxBodyBytes`.
    public var bodyTruncated: Bool
    /// `HTTP/1.1`, `HTTP/2` …
    public var httpVersion: String?
    /// The address actually connected to (after any connect-to override).
    public var primaryIP: String?
    /// The port actually connected to.
    public var primaryPort: Int?
    /// The server's certificate chain, PEM, leaf first, when asked for and served over TLS.
    public var certificateChain: [String]
    /// Whether the TLS peer verified against the trust store; `nil` for plain HTTP.
    public var tlsVerified: Bool?
    /// When the request started.
    public var startedAt: Date
    /// Seconds from start to the end of the transfer.
    public var totalSeconds: Double

    public init(
        request: HTTPRequest,
        rawRequestHead: String? = nil,
        status: Int,
        rawResponseHead: String? = nil,
        headers: [HTTPHeader] = [],
        body: Data = Data(),
        bodyTruncated: Bool = false,
        httpVersion: String? = nil,
        primaryIP: String? = nil,
        primaryPort: Int? = nil,
        certificateChain: [String] = [],
        tlsVerified: Bool? = nil,
        startedAt: Date = Date(),
        totalSeconds: Double = 0
    ) {
        self.request = request
        self.rawRequestHead = rawRequestHead
        self.status = status
        self.rawResponseHead = rawResponseHead
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.httpVersion = httpVersion
        self.primaryIP = primaryIP
        self.primaryPort = primaryPort
        self.certificateChain = certificateChain
        self.tlsVerified = tlsVerified
        self.startedAt = startedAt
        self.totalSeconds = totalSeconds
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Something that performs single HTTP exchanges: libcurl in production, a fake in unit tests.
public protocol HTTPFetching: Sendable {
    /// Performs `request` without following redirects.
    ///
    /// A response with any status is returned; errors are for exchanges that produced no response
    /// (DNS failure, refused connection, timeout, TLS failure).
    func fetch(_ request: HTTPRequest) async throws -> HTTPExchange
}
