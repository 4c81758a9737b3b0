public import Foundation

/// What evidence was captured for the letter's URLs, as the letter prints it.
///
/// The letters module does not read the evidence store: the caller passes this summary when evidence exists.
public struct EvidenceSummary: Sendable, Codable, Hashable {
    /// One capture of one URL.
    public struct Capture: Sendable, Codable, Hashable {
        /// The URL captured.
        public var url: String
        /// When it was captured.
        public var capturedAt: Date
        /// The SHA-256 of the captured response body, lower-case hex.
        public var sha256: String
        /// The server address that answered (`203.0.113.7:443`).
        public var serverAddress: String?

        /// Creates a capture.
        public init(url: String, capturedAt: Date, sha256: String, serverAddress: String?) {
            self.url = url
            self.capturedAt = capturedAt
            self.sha256 = sha256
            self.serverAddress = serverAddress
        }
    }

    /// The captures, in order.
    public var captures: [Capture]
    /// The evidence bundle's manifest file name, when one exists (attached to `.eml` letters).
    public var manifestName: String?
    /// The manifest's bytes.
    public var manifest: Data?

    /// Creates a summary.
    public init(captures: [Capture], manifestName: String? = nil, manifest: Data? = nil) {
        self.captures = captures
        self.manifestName = manifestName
        self.manifest = manifest
    }
}
