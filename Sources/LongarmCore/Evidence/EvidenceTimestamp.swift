public import Foundation

/// An RFC 3161 time-stamp token obtained for a piece of evidence.
public struct EvidenceTimestamp: Sendable, Codable, Hashable {
    /// The store's identifier; `nil` until stored.
    public var id: Int64?
    /// The case it belongs to.
    public var caseID: Int64
    /// What was time-stamped: `warc:warc/…warc`, `manifest` …
    public var subject: String
    /// SHA-256 (hex) of the subject's bytes, the token's message imprint.
    public var digest: String
    /// The time-stamping authority asked.
    public var tsaURL: String
    /// The DER `TimeStampResp` as received (`openssl ts -reply -in` reads it).
    public var response: Data
    /// When it was asked for: UTC, ISO 8601 with milliseconds.
    public var requestedAt: String

    /// Creates a record.
    public init(
        id: Int64? = nil,
        caseID: Int64,
        subject: String,
        digest: String,
        tsaURL: String,
        response: Data,
        requestedAt: String
    ) {
        self.id = id
        self.caseID = caseID
        self.subject = subject
        self.digest = digest
        self.tsaURL = tsaURL
        self.response = response
        self.requestedAt = requestedAt
    }
}
