public import Foundation

/// Builds a WARC 1.1 file in memory, record by record, and writes it durably.
///
/// Each record gets `WARC-Block-Digest` (and `WARC-Payload-Digest` when it has a payload) as `sha256:` and
/// padded base32, the form `warcio check` verifies.
public struct WARCWriter: Sendable {
    /// The bytes written so far.
    public private(set) var data = Data()
    /// Whether each record is written as its own gzip member (a `.warc.gz` file).
    public let gzip: Bool

    /// Creates an empty file; with `gzip`, each record becomes one gzip member, as `.warc.gz` readers expect.
    public init(gzip: Bool = false) {
        self.gzip = gzip
    }

    /// Appends `record` and returns its offset in the file.
    @discardableResult
    public mutating func append(_ record: WARCRecord, truncated: String? = nil) throws -> Int {
        let offset = data.count
        var head = "WARC/1.1\r\n"
        head += "WARC-Type: \(record.type)\r\n"
        head += "WARC-Record-ID: \(record.recordID)\r\n"
        head += "WARC-Date: \(record.date)\r\n"
        for field in record.fields {
            head += "\(Self.clean(field.name)): \(Self.clean(field.value))\r\n"
        }
        head += "Content-Type: \(record.contentType)\r\n"
        head += "WARC-Block-Digest: \(EvidenceDigest.warcLabel(record.block))\r\n"
        if let payloadOffset = record.payloadOffset {
            let payload = record.block[(record.block.startIndex + payloadOffset)...]
            head += "WARC-Payload-Digest: \(EvidenceDigest.warcLabel(payload))\r\n"
        }
        if let truncated { head += "WARC-Truncated: \(truncated)\r\n" }
        head += "Content-Length: \(record.block.count)\r\n\r\n"
        var bytes = Data(head.utf8)
        bytes.append(record.block)
        bytes.append(contentsOf: [0x0D, 0x0A, 0x0D, 0x0A])
        data.append(gzip ? try GzipMember.compress(bytes) : bytes)
        return offset
    }

    /// Writes the file to `url`: temporary file, fsync, rename, folder fsync. Returns its SHA-256 (hex).
    public func write(to url: URL) throws -> String {
        try DurableFile.write(data, to: url)
        return EvidenceDigest.hex(data)
    }

    private static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: " ")
    }
}
