public import LongarmCore

/// An HTTP exchange together with how long its phases took, as measured by libcurl.
public struct HTTPTransfer: Sendable, Hashable {
    /// The exchange: request, response head and body, peer, certificates.
    public var exchange: HTTPExchange
    /// Phase timings.
    public var timings: HTTPTimings
    /// True when the exchange ran with TLS verification off (``CurlHTTPClient/perform(_:insecureCapture:)``).
    public var insecureCapture: Bool

    /// Creates a transfer.
    public init(exchange: HTTPExchange, timings: HTTPTimings, insecureCapture: Bool) {
        self.exchange = exchange
        self.timings = timings
        self.insecureCapture = insecureCapture
    }
}

/// Seconds from the start of a transfer to the end of each phase (libcurl's `*_TIME_T` infos).
public struct HTTPTimings: Sendable, Hashable, Codable {
    /// Name resolution done (0 when a connect-to rule named an address).
    public var nameLookup: Double
    /// TCP connection established.
    public var connect: Double
    /// TLS handshake done (0 for plain HTTP).
    public var tlsHandshake: Double
    /// First response byte received.
    public var firstByte: Double
    /// Transfer finished.
    public var total: Double

    /// Creates timings.
    public init(nameLookup: Double, connect: Double, tlsHandshake: Double, firstByte: Double, total: Double) {
        self.nameLookup = nameLookup
        self.connect = connect
        self.tlsHandshake = tlsHandshake
        self.firstByte = firstByte
        self.total = total
    }
}
