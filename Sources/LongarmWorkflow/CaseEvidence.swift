public import Foundation
public import LongarmCore
import LongarmEvidence
public import LongarmLetters
public import LongarmStore
import ZIPFoundation

/// The evidence a case's letters cite: built from the stored captures and, when the case's bundle was exported,
/// its manifest (attached to `.eml` letters).
public enum CaseEvidence {
    /// Evidence summaries keyed by target id, from the successful captures stored for `caseFile`'s targets.
    ///
    /// A capture counts when its last exchange answered 2xx: it shows what the page served, from which address,
    /// and when. Captures stored without a target are matched to a target by URL. The manifest of `bundle` (a
    /// folder or `.zip` written by `longarm evidence export`) is attached to every summary; it must belong to the
    /// case and its digest must be the one the custody log recorded at export.
    ///
    /// - Throws: ``CaseEvidenceError`` when the bundle cannot be read, belongs to another case or is not the one
    ///   Longarm exported.
    public static func summaries(
        for caseFile: CaseFile,
        targets: [Target],
        store: LongarmStore,
        bundle: URL? = nil
    ) throws -> [Int64: EvidenceSummary] {
        guard let caseID = caseFile.id else { return [:] }
        var byURL: [String: Int64] = [:]
        for target in targets {
            guard let id = target.id else { continue }
            byURL[target.canonicalURL] = id
            byURL[target.submittedURL] = byURL[target.submittedURL] ?? id
        }
        var captures: [Int64: [EvidenceSummary.Capture]] = [:]
        for capture in try store.captures(caseID: caseID) {
            guard let targetID = capture.targetID ?? byURL[capture.url], let summary = summary(of: capture) else {
                continue
            }
            captures[targetID, default: []].append(summary)
        }
        let attached: Data? = try bundle.map { try Self.manifest(of: $0, caseID: caseID, store: store) }
        return captures.mapValues { list in
            EvidenceSummary(
                captures: list,
                manifestName: attached == nil ? nil : "manifest.json",
                manifest: attached
            )
        }
    }

    /// The letter's line for one capture: its final exchange's body digest and server address, or `nil` when the
    /// capture ended without a successful response.
    static func summary(of capture: EvidenceCapture) -> EvidenceSummary.Capture? {
        guard let last = capture.exchanges.max(by: { $0.ordinal < $1.ordinal }), (200..<300).contains(last.status),
            let time = date(capture.capturedAt)
        else { return nil }
        let address = last.primaryIP.map { ip in
            let host = ip.contains(":") ? "[\(ip)]" : ip
            return last.primaryPort.map { "\(host):\($0)" } ?? host
        }
        return EvidenceSummary.Capture(
            url: capture.url,
            capturedAt: time,
            sha256: last.bodySHA256,
            serverAddress: address
        )
    }

    static func date(_ text: String) -> Date? {
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? Date(text, strategy: fractional)) ?? (try? Date(text, strategy: Date.ISO8601FormatStyle()))
    }

    /// The bytes of `manifest.json` in a bundle folder or ZIP, checked against the case and the custody log.
    static func manifest(of bundle: URL, caseID: Int64, store: LongarmStore) throws -> Data {
        let data: Data
        if bundle.pathExtension.lowercased() == "zip" {
            data = try zipEntry("manifest.json", in: bundle)
        } else {
            let file =
                bundle.lastPathComponent == "manifest.json" ? bundle : bundle.appendingPathComponent("manifest.json")
            guard let bytes = FileManager.default.contents(atPath: file.path) else {
                throw CaseEvidenceError(
                    "\(bundle.path): no manifest.json; export the bundle with longarm evidence export"
                )
            }
            data = bytes
        }
        let parsed: BundleManifest
        do {
            parsed = try BundleManifest.decode(data)
        } catch {
            throw CaseEvidenceError("\(bundle.path): manifest.json is not a Longarm evidence manifest (\(error))")
        }
        guard parsed.caseFile.id == caseID else {
            throw CaseEvidenceError(
                "\(bundle.path): the bundle is for case \(parsed.caseFile.id.map(String.init) ?? "?"), not case \(caseID)"
            )
        }
        let digest = EvidenceDigest.hex(data)
        let exported = try store.custodyLog().contains {
            $0.entry.action == "export" && $0.entry.object == "case:\(caseID):manifest.json"
                && $0.entry.digest == digest
        }
        guard exported else {
            throw CaseEvidenceError(
                "\(bundle.path): manifest.json (sha256 \(digest.prefix(12))…) is not one the custody log recorded "
                    + "as exported for case \(caseID); export the bundle again"
            )
        }
        return data
    }

    private static func zipEntry(_ name: String, in zip: URL) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(url: zip, accessMode: .read)
        } catch {
            throw CaseEvidenceError("\(zip.path): cannot be opened as a ZIP bundle (\(error))")
        }
        guard let entry = archive[name] else { throw CaseEvidenceError("\(zip.path): no \(name) in the ZIP bundle") }
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        return data
    }
}

/// A bundle that cannot give the letters its manifest: one sentence naming the bundle and the problem.
public struct CaseEvidenceError: Error, CustomStringConvertible, LocalizedError {
    /// The sentence.
    public var description: String
    /// Creates the error.
    public init(_ description: String) { self.description = description }
    /// The sentence, for `LocalizedError`.
    public var errorDescription: String? { description }
}
