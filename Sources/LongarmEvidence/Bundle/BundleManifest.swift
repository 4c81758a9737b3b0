public import Foundation
public import LongarmCore

/// `manifest.json` of an evidence bundle: every file with its SHA-256, and what the files hold.
///
/// The schema is documented in docs/evidence.md; `format` names its version.
public struct BundleManifest: Sendable, Codable, Hashable {
    /// `longarm-evidence-bundle/1`.
    public var format: String
    /// The tool that wrote the bundle, `longarm/0.1.0`.
    public var tool: String
    /// When the bundle was written: UTC, ISO 8601 with milliseconds.
    public var createdAt: String
    /// The clock that gave `createdAt`.
    public var clockSource: String
    /// How pages were captured: "static capture, no script execution".
    public var captureMethod: String
    /// The case.
    public var caseFile: CaseFile
    /// Every file of the bundle except `manifest.json`, `SHA256SUMS` and `manifest.tsr`, with its digest.
    public var files: [File]
    /// The captures, as recorded; `warcFile` is the path inside the bundle.
    public var captures: [EvidenceCapture]
    /// Every body kept, with the WARC record that holds it.
    public var bodies: [Body]
    /// The custody log file and its head.
    public var custody: Custody
    /// Time-stamp tokens included, other than the one over this manifest.
    public var timestamps: [Timestamp]

    /// Reads a `manifest.json`.
    public static func decode(_ data: Data) throws -> BundleManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BundleManifest.self, from: data)
    }

    /// The current format name.
    public static let currentFormat = "longarm-evidence-bundle/1"

    /// A file of the bundle.
    public struct File: Sendable, Codable, Hashable {
        /// The path inside the bundle, `/`-separated.
        public var path: String
        /// SHA-256, hex.
        public var sha256: String
        /// Size in bytes.
        public var size: Int
        /// `warc`, `custody`, `profile`, `records`, `timestamp`, `readme`.
        public var role: String
    }

    /// A body and where it is.
    public struct Body: Sendable, Codable, Hashable {
        /// SHA-256 of the body as kept, hex.
        public var sha256: String
        /// Bytes kept.
        public var size: Int
        /// True when the body was cut at the byte limit.
        public var truncated: Bool
        /// The URL it was served for.
        public var url: String
        /// The WARC file inside the bundle.
        public var warc: String
        /// The `response` record whose payload it is.
        public var recordID: String
    }

    /// The custody log as exported.
    public struct Custody: Sendable, Codable, Hashable {
        /// `custody.jsonl`.
        public var path: String
        /// Entries in the file.
        public var entries: Int
        /// SHA-256 of the last entry's canonical line: what the next entry's `prev` will be.
        public var head: String
    }

    /// A time-stamp token file.
    public struct Timestamp: Sendable, Codable, Hashable {
        /// What it covers, e.g. `warc:warc/….warc`.
        public var subject: String
        /// The digest it covers, hex.
        public var digest: String
        /// The authority asked.
        public var tsaURL: String
        /// The `.tsr` file inside the bundle.
        public var path: String
        /// When it was asked for.
        public var requestedAt: String
    }
}
