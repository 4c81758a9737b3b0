/// What Longarm preserved of one URL at one moment: the exchanges, where they went, and where the bytes are.
public struct EvidenceCapture: Sendable, Codable, Hashable {
    /// The store's identifier; `nil` until stored.
    public var id: Int64?
    /// The case the capture belongs to.
    public var caseID: Int64
    /// The target captured, when the URL is one of the case's targets.
    public var targetID: Int64?
    /// The URL asked for.
    public var url: String
    /// The URL of the last exchange, after redirects.
    public var finalURL: String
    /// When the capture started: UTC, ISO 8601 with milliseconds.
    public var capturedAt: String
    /// Which clock gave that time and whether it was synchronised.
    public var clockSource: String
    /// `longarm/0.1.0`.
    public var toolVersion: String
    /// How the page was captured: always static (no script execution) for now.
    public var method: String
    /// The redirect chain and final response, in order.
    public var exchanges: [EvidenceExchange]
    /// DNS answers for the hosts contacted, asked just before the first exchange.
    public var resolution: [ResolutionFact]
    /// The WARC file, relative to the data directory (`warc/…`).
    public var warcFile: String
    /// SHA-256 (hex) of the WARC file.
    public var warcSHA256: String
    /// Why the capture stopped early, if it did (redirect limit, loop); `nil` when it ended on a final response.
    public var stopReason: String?

    /// The method string every capture carries today.
    public static let staticMethod = "static capture, no script execution"

    /// Creates a capture record.
    public init(
        id: Int64? = nil,
        caseID: Int64,
        targetID: Int64?,
        url: String,
        finalURL: String,
        capturedAt: String,
        clockSource: String,
        toolVersion: String,
        method: String = EvidenceCapture.staticMethod,
        exchanges: [EvidenceExchange],
        resolution: [ResolutionFact],
        warcFile: String,
        warcSHA256: String,
        stopReason: String? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.targetID = targetID
        self.url = url
        self.finalURL = finalURL
        self.capturedAt = capturedAt
        self.clockSource = clockSource
        self.toolVersion = toolVersion
        self.method = method
        self.exchanges = exchanges
        self.resolution = resolution
        self.warcFile = warcFile
        self.warcSHA256 = warcSHA256
        self.stopReason = stopReason
    }
}
