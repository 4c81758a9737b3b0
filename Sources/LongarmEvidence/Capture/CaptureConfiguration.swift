/// Limits and identity of a capture.
public struct CaptureConfiguration: Sendable {
    /// Bytes of body kept per response; the rest is dropped and the record marked truncated. Default 50 MB.
    public var maxBodyBytes: Int
    /// Time limit of each exchange.
    public var timeout: Duration
    /// Redirects followed before the capture stops.
    public var maxRedirects: Int
    /// `longarm/0.1.0`: written into WARC and manifest.
    public var toolVersion: String
    /// The User-Agent sent.
    public var userAgent: String
    /// Permit hosts that resolve to loopback, private or reserved addresses.
    public var allowPrivateTargets: Bool

    /// Creates a configuration; the defaults are the CLI's.
    public init(
        maxBodyBytes: Int = 50_000_000,
        timeout: Duration = .seconds(30),
        maxRedirects: Int = 10,
        toolVersion: String,
        userAgent: String? = nil,
        allowPrivateTargets: Bool = false
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.timeout = timeout
        self.maxRedirects = maxRedirects
        self.toolVersion = toolVersion
        self.userAgent = userAgent ?? "Mozilla/5.0 (compatible; \(toolVersion); evidence capture)"
        self.allowPrivateTargets = allowPrivateTargets
    }
}
