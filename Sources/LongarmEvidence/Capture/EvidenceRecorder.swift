public import Foundation
public import LongarmCore
public import LongarmStore

/// Keeps a captured page: bodies into the content store, the exchanges into a WARC file, the record and its
/// custody entry into the database.
public struct EvidenceRecorder: Sendable {
    private let store: LongarmStore
    private let contentStore: ContentStore
    private let dataDirectory: URL
    private let actor: String
    private let gzip: Bool

    /// Creates a recorder writing under `dataDirectory` (`objects/`, `warc/`); with `gzip`, WARC files are
    /// `.warc.gz` with one gzip member per record.
    public init(store: LongarmStore, dataDirectory: URL, actor: String, gzip: Bool = false) {
        self.store = store
        self.gzip = gzip
        self.dataDirectory = dataDirectory
        self.contentStore = ContentStore(dataDirectory: dataDirectory)
        self.actor = actor
    }

    /// Stores `page` for `caseID` (and `targetID`), returning the stored record.
    public func record(_ page: CapturedPage, caseID: Int64, targetID: Int64?) throws -> EvidenceCapture {
        var digests: [String] = []
        for exchange in page.exchanges {
            digests.append(try contentStore.put(exchange.body))
        }
        let stamp = String(CustodyEntry.timestamp(page.startedAt).filter(\.isNumber).prefix(14))
        let relative =
            "warc/case-\(caseID)/longarm-\(stamp)-\(UUID().uuidString.prefix(8).lowercased()).warc\(gzip ? ".gz" : "")"
        let built = try CaptureWARCBuilder.build(
            page,
            caseID: caseID,
            fileName: URL(fileURLWithPath: relative).lastPathComponent,
            gzip: gzip
        )
        let warcDigest = try built.writer.write(to: dataDirectory.appendingPathComponent(relative))
        let exchanges = page.exchanges.enumerated().map { ordinal, exchange in
            EvidenceExchange(
                ordinal: ordinal,
                url: exchange.request.url,
                method: exchange.request.method,
                status: exchange.status,
                httpVersion: exchange.httpVersion,
                primaryIP: exchange.primaryIP,
                primaryPort: exchange.primaryPort,
                location: exchange.header("Location"),
                bodySHA256: digests[ordinal],
                bodySize: exchange.body.count,
                bodyTruncated: exchange.bodyTruncated,
                tlsVerified: exchange.tlsVerified,
                certificateChain: exchange.certificateChain,
                startedAt: CustodyEntry.timestamp(exchange.startedAt),
                totalSeconds: exchange.totalSeconds,
                warcRecordIDs: built.recordIDs[ordinal]
            )
        }
        let capture = EvidenceCapture(
            caseID: caseID,
            targetID: targetID,
            url: page.url,
            finalURL: page.finalURL,
            capturedAt: CustodyEntry.timestamp(page.startedAt),
            clockSource: page.clockSource,
            toolVersion: page.toolVersion,
            exchanges: exchanges,
            resolution: page.resolution,
            warcFile: relative,
            warcSHA256: warcDigest,
            stopReason: page.stopReason
        )
        return try store.saveCapture(capture, actor: actor).0
    }
}

extension EvidenceRecorder {
    /// Asks `tsaURL` for an RFC 3161 token over the capture's WARC digest and stores it with a custody entry.
    @discardableResult
    public func timestampWARC(
        of capture: EvidenceCapture,
        client: TimestampClient,
        tsaURL: String
    ) async throws
        -> EvidenceTimestamp
    {
        let token = try await client.timestamp(digestHex: capture.warcSHA256, tsaURL: tsaURL)
        return try store.saveTimestamp(
            EvidenceTimestamp(
                caseID: capture.caseID,
                subject: "warc:" + capture.warcFile,
                digest: capture.warcSHA256,
                tsaURL: tsaURL,
                response: token,
                requestedAt: CustodyEntry.timestamp(Date())
            ),
            actor: actor
        )
    }
}

extension EvidenceRecorder {
    /// ``record(_:caseID:targetID:)`` on a Dispatch worker: its writes and fsyncs block, so they stay off the
    /// cooperative thread pool and several captures can wait on the disk at once.
    public func record(_ page: CapturedPage, caseID: Int64, targetID: Int64?) async throws -> EvidenceCapture {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try self.record(page, caseID: caseID, targetID: targetID) })
            }
        }
    }
}
