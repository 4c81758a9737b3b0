/// AS records from Team Cymru, each asked once per run: concurrent requests for the same AS share one DNS
/// question, and answers (including "none") are kept.
///
/// Many addresses share a few ASes (one provider's name was asked 3,000 times for 10,000 addresses in
/// zannotate before it cached), so the resolver asks through this rather than `CymruASN` directly.
public actor CymruASNNames {
    private let cymru: CymruASN
    private var known: [UInt32: CymruASNRecord?] = [:]
    private var pending: [UInt32: Task<CymruASNRecord?, any Error>] = [:]

    /// Creates a cache over `cymru`.
    public init(cymru: CymruASN) {
        self.cymru = cymru
    }

    /// The AS record of `asn`, asked at most once while it succeeds; a failure is not kept, so a later call
    /// asks again.
    public func record(_ asn: UInt32) async throws -> CymruASNRecord? {
        if let record = known[asn] { return record }
        if let task = pending[asn] { return try await task.value }
        let cymru = cymru
        let task = Task { try await cymru.asnRecord(asn) }
        pending[asn] = task
        defer { pending[asn] = nil }
        let record = try await task.value
        known[asn] = record
        return record
    }
}
