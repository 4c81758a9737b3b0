public import Foundation
import LongarmCore
public import LongarmStore
import ZIPFoundation

/// Writes a case's evidence as a self-verifying bundle: WARC files, `manifest.json`, `custody.jsonl`,
/// profile snapshots, `SHA256SUMS`, a README, and optionally an RFC 3161 token over the manifest.
public struct BundleExporter: Sendable {
    /// What an export produced.
    public struct Result: Sendable, Codable, Hashable {
        /// The folder or ZIP written.
        public var path: String
        /// SHA-256 of `manifest.json`, hex; also recorded in the custody log.
        public var manifestSHA256: String
        /// Files listed in the manifest.
        public var files: Int
        /// Whether `manifest.tsr` was written.
        public var timestamped: Bool
    }

    private let store: LongarmStore
    private let dataDirectory: URL
    private let clock: any EvidenceClock
    private let toolVersion: String
    private let actor: String
    private let timestamper: (client: TimestampClient, url: String)?

    /// Creates an exporter; pass `timestamper` to request a token over the manifest.
    public init(
        store: LongarmStore,
        dataDirectory: URL,
        clock: any EvidenceClock = SystemEvidenceClock(),
        toolVersion: String,
        actor: String,
        timestamper: (client: TimestampClient, url: String)? = nil
    ) {
        self.store = store
        self.dataDirectory = dataDirectory
        self.clock = clock
        self.toolVersion = toolVersion
        self.actor = actor
        self.timestamper = timestamper
    }

    /// Exports case `caseID` to `destination`: a folder (created; must not exist or be empty) or a `.zip` file.
    public func export(caseID: Int64, to destination: URL) async throws -> Result {
        guard let caseFile = try store.caseFile(id: caseID) else {
            throw EvidenceError(.badInput, "case \(caseID): no such case")
        }
        let zip = destination.pathExtension.lowercased() == "zip"
        let folder =
            zip
            ? FileManager.default.temporaryDirectory.appendingPathComponent("longarm-bundle-\(UUID().uuidString)")
            : destination
        if FileManager.default.fileExists(atPath: folder.path),
            !(try FileManager.default.contentsOfDirectory(atPath: folder.path)).isEmpty
        {
            throw EvidenceError(.badInput, "\(folder.path): exists and is not empty; choose a new folder")
        }
        defer { if zip { try? FileManager.default.removeItem(at: folder) } }
        var files: [BundleManifest.File] = []
        func add(_ data: Data, _ path: String, role: String) throws {
            try DurableFile.write(data, to: folder.appendingPathComponent(path))
            files.append(.init(path: path, sha256: EvidenceDigest.hex(data), size: data.count, role: role))
        }

        var captures = try store.captures(caseID: caseID)
        var bodies: [BundleManifest.Body] = []
        var bundlePaths: [String: String] = [:]
        let contentStore = ContentStore(dataDirectory: dataDirectory)
        for index in captures.indices {
            let source = dataDirectory.appendingPathComponent(captures[index].warcFile)
            guard let warc = FileManager.default.contents(atPath: source.path) else {
                throw EvidenceError(.io, "\(source.path): WARC of capture \(captures[index].id ?? 0) is missing")
            }
            let inBundle = "warc/" + source.lastPathComponent
            try add(warc, inBundle, role: "warc")
            bundlePaths["warc:" + captures[index].warcFile] = "warc:" + inBundle
            captures[index].warcFile = inBundle
            for exchange in captures[index].exchanges {
                _ = try contentStore.get(exchange.bodySHA256)  // refuse to export a damaged store
                bodies.append(
                    .init(
                        sha256: exchange.bodySHA256,
                        size: exchange.bodySize,
                        truncated: exchange.bodyTruncated,
                        url: exchange.url,
                        warc: inBundle,
                        recordID: exchange.warcRecordIDs.count > 1 ? exchange.warcRecordIDs[1] : ""
                    )
                )
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        for (targetID, stored) in try store.latestProfiles(caseID: caseID).sorted(by: { $0.key < $1.key }) {
            try add(try encoder.encode(stored.profile), "profiles/target-\(targetID).json", role: "profile")
        }
        for table in try store.caseRecordTables() {
            let rows = try store.dumpRows(table: table, caseID: caseID)
            if !rows.isEmpty { try add(try encoder.encode(rows), "records/\(table).json", role: "records") }
        }
        var timestamps: [BundleManifest.Timestamp] = []
        for (index, token) in try store.timestamps(caseID: caseID).enumerated() {
            let path = "timestamps/\(index + 1)-\(token.digest.prefix(12)).tsr"
            try add(token.response, path, role: "timestamp")
            timestamps.append(
                .init(
                    subject: bundlePaths[token.subject] ?? token.subject,
                    digest: token.digest,
                    tsaURL: token.tsaURL,
                    path: path,
                    requestedAt: token.requestedAt
                )
            )
        }
        let log = try store.custodyLog()
        let custodyText = log.map { $0.entry.canonicalSerialization + "\n" }.joined()
        try add(Data(custodyText.utf8), "custody.jsonl", role: "custody")
        try add(Data(BundleReadme.text(caseID: caseID, toolVersion: toolVersion).utf8), "README.txt", role: "readme")

        let manifest = BundleManifest(
            format: BundleManifest.currentFormat,
            tool: toolVersion,
            createdAt: CustodyEntry.timestamp(clock.now()),
            clockSource: clock.source,
            captureMethod: EvidenceCapture.staticMethod,
            caseFile: caseFile,
            files: files,
            captures: captures,
            bodies: bodies,
            custody: .init(
                path: "custody.jsonl",
                entries: log.count,
                head: log.last?.entry.chainHash ?? CustodyEntry.genesisPrev
            ),
            timestamps: timestamps
        )
        let manifestData = try encoder.encode(manifest) + Data("\n".utf8)
        try DurableFile.write(manifestData, to: folder.appendingPathComponent("manifest.json"))
        let manifestDigest = EvidenceDigest.hex(manifestData)
        var sums = [(manifestDigest, "manifest.json")] + files.map { ($0.sha256, $0.path) }
        if let timestamper {
            let token = try await timestamper.client.timestamp(digestHex: manifestDigest, tsaURL: timestamper.url)
            try DurableFile.write(token, to: folder.appendingPathComponent("manifest.tsr"))
            sums.append((EvidenceDigest.hex(token), "manifest.tsr"))
            _ = try store.saveTimestamp(
                EvidenceTimestamp(
                    caseID: caseID,
                    subject: "manifest:\(manifestDigest)",
                    digest: manifestDigest,
                    tsaURL: timestamper.url,
                    response: token,
                    requestedAt: CustodyEntry.timestamp(clock.now())
                ),
                actor: actor
            )
        }
        let sumsText = sums.map { "\($0.0)  \($0.1)\n" }.joined()
        try DurableFile.write(Data(sumsText.utf8), to: folder.appendingPathComponent("SHA256SUMS"))
        try store.appendCustody(
            actor: actor,
            action: "export",
            object: "case:\(caseID):manifest.json",
            digest: manifestDigest
        )
        if zip {
            // Zipped beside the destination, then made durable and renamed into place like every evidence file.
            let partial = destination.deletingLastPathComponent()
                .appendingPathComponent(".\(destination.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: partial) }
            try FileManager.default.zipItem(
                at: folder,
                to: partial,
                shouldKeepParent: false,
                compressionMethod: .deflate
            )
            try DurableFile.commit(partial, to: destination)
        }
        return Result(
            path: destination.path,
            manifestSHA256: manifestDigest,
            files: files.count,
            timestamped: timestamper != nil
        )
    }
}
