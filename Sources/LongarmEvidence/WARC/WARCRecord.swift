public import Foundation

/// One WARC 1.1 record before it is written: its named fields and its block.
public struct WARCRecord: Sendable, Hashable {
    /// `warcinfo`, `request`, `response`, `metadata` …
    public var type: String
    /// `<urn:uuid:…>`.
    public var recordID: String
    /// `WARC-Date`: UTC, ISO 8601.
    public var date: String
    /// Further named fields in order (`WARC-Target-URI`, `WARC-IP-Address` …); CR and LF are removed on write.
    public var fields: [(name: String, value: String)]
    /// The block's media type.
    public var contentType: String
    /// The block.
    public var block: Data
    /// Where the payload starts inside the block, for `WARC-Payload-Digest`; `nil` for records without one.
    public var payloadOffset: Int?

    /// Creates a record with a fresh identifier.
    public init(
        type: String,
        recordID: String = WARCRecord.newID(),
        date: String,
        fields: [(name: String, value: String)] = [],
        contentType: String,
        block: Data,
        payloadOffset: Int? = nil
    ) {
        self.type = type
        self.recordID = recordID
        self.date = date
        self.fields = fields
        self.contentType = contentType
        self.block = block
        self.payloadOffset = payloadOffset
    }

    /// A new `<urn:uuid:…>` identifier.
    public static func newID() -> String {
        "<urn:uuid:\(UUID().uuidString.lowercased())>"
    }

    /// The record's value of field `name` (case-insensitive).
    public func field(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func == (lhs: WARCRecord, rhs: WARCRecord) -> Bool {
        lhs.recordID == rhs.recordID && lhs.block == rhs.block && lhs.type == rhs.type
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(recordID)
    }
}
