public import Foundation
import LongarmCore
import ZIPFoundation

/// Verifies an exported bundle (folder or ZIP) without the database: every digest, the chain, the tokens.
public struct BundleVerifier: Sendable {
    /// Creates a verifier.
    public init() {}

    /// Verifies the bundle at `location`.
    public func verify(_ location: URL) throws -> VerificationReport {
        var folder = location
        var cleanup: URL?
        if location.pathExtension.lowercased() == "zip" {
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
                "longarm-verify-\(UUID().uuidString)"
            )
            do {
                // CRCs are skipped so that a changed byte is reported by our digests, naming the file.
                try FileManager.default.unzipItem(at: location, to: temporary, skipCRC32: true)
            } catch {
                throw EvidenceError(.badInput, "\(location.path): cannot be opened as ZIP: \(error)")
            }
            folder = temporary
            cleanup = temporary
        }
        defer { if let cleanup { try? FileManager.default.removeItem(at: cleanup) } }
        var report = VerificationReport(subject: location.path)
        let manifestURL = folder.appendingPathComponent("manifest.json")
        guard let manifestData = FileManager.default.contents(atPath: manifestURL.path) else {
            throw EvidenceError(.badInput, "\(location.path): no manifest.json; not a Longarm evidence bundle")
        }
        let manifestDigest = EvidenceDigest.hex(manifestData)
        func read(_ path: String) -> Data? {
            FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }

        // 1. SHA256SUMS, the list a third party checks with sha256sum -c; and no file beyond it.
        var listed: Set<String> = ["SHA256SUMS"]
        if let sums = read("SHA256SUMS") {
            for line in String(decoding: sums, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1)
                guard parts.count == 2 else {
                    report.check(false, VerificationProblem("SHA256SUMS", "malformed line \"\(line)\""))
                    continue
                }
                let path = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " *"))
                listed.insert(path)
                let found = read(path).map(EvidenceDigest.hex) ?? "missing"
                report.check(
                    found == String(parts[0]),
                    VerificationProblem(
                        path,
                        "file changed since export (SHA256SUMS)",
                        expected: String(parts[0]),
                        found: found
                    )
                )
            }
        } else {
            report.check(false, VerificationProblem("SHA256SUMS", "missing"))
        }

        for path in Self.files(under: folder) where !listed.contains(path) {
            report.check(false, VerificationProblem(path, "file is not listed in SHA256SUMS (added after export?)"))
        }

        // 2. The manifest parses and lists digests that match the files.
        let manifest: BundleManifest
        do {
            manifest = try BundleManifest.decode(manifestData)
        } catch {
            report.check(false, VerificationProblem("manifest.json", "cannot be parsed: \(error)"))
            return report
        }
        for file in manifest.files {
            let found = read(file.path).map(EvidenceDigest.hex) ?? "missing"
            report.check(
                found == file.sha256,
                VerificationProblem(file.path, "file does not match manifest.json", expected: file.sha256, found: found)
            )
        }

        // 3. WARC records and the bodies they hold.
        var payloads: [String: [String: String]] = [:]
        for file in manifest.files where file.role == "warc" {
            guard let data = read(file.path) else { continue }
            payloads[file.path] = IntegrityChecks.warc(data, name: file.path, into: &report)
        }
        for body in manifest.bodies {
            let found = payloads[body.warc]?[body.recordID] ?? "missing"
            report.check(
                found == body.sha256,
                VerificationProblem(
                    "\(body.warc) record \(body.recordID)",
                    "body of \(body.url) does not match manifest.json",
                    expected: body.sha256,
                    found: found
                )
            )
        }
        for capture in manifest.captures {
            let found = manifest.files.first { $0.path == capture.warcFile }?.sha256 ?? "missing"
            report.check(
                found == capture.warcSHA256,
                VerificationProblem(
                    capture.warcFile,
                    "WARC digest differs from the capture record",
                    expected: capture.warcSHA256,
                    found: found
                )
            )
        }

        // 4. The custody chain, and that it records each capture's WARC digest.
        var entries: [(entry: CustodyEntry, storedHash: String?)] = []
        if let text = read(manifest.custody.path) {
            for (number, line) in String(decoding: text, as: UTF8.self).split(separator: "\n").enumerated() {
                let location = "\(manifest.custody.path) line \(number + 1)"
                guard let entry = try? JSONDecoder().decode(CustodyEntry.self, from: Data(line.utf8)) else {
                    report.check(false, VerificationProblem(location, "not a custody entry: \(line)"))
                    continue
                }
                report.check(
                    entry.canonicalSerialization == String(line),
                    VerificationProblem(
                        location,
                        "line is not in canonical form (edited by hand?)",
                        found: String(line)
                    )
                )
                entries.append((entry, nil))
            }
            let head = IntegrityChecks.custody(
                entries,
                location: { "\(manifest.custody.path) seq \($0.seq)" },
                into: &report
            )
            report.check(
                head == manifest.custody.head,
                VerificationProblem(
                    manifest.custody.path,
                    "chain head differs from manifest.json (last entry changed or cut)",
                    expected: manifest.custody.head,
                    found: head
                )
            )
            for capture in manifest.captures {
                let entry = entries.last {
                    $0.entry.action == "capture" && $0.entry.object == "capture:\(capture.id ?? -1)"
                }
                report.check(
                    entry?.entry.digest == capture.warcSHA256,
                    VerificationProblem(
                        "\(manifest.custody.path) capture:\(capture.id ?? -1)",
                        "custody log does not record this capture's WARC digest",
                        expected: capture.warcSHA256,
                        found: entry?.entry.digest ?? "no entry"
                    )
                )
            }
        }

        // 5. Plan records: each row against the digest its custody entry recorded, each shared frame against its
        // key, so that a record cannot be rewritten together with SHA256SUMS and the manifest.
        if let data = read("records/plan.json") {
            IntegrityChecks.planRecords(data, custody: entries.map(\.entry), into: &report)
        }
        if let data = read("records/plan_fragment.json") {
            IntegrityChecks.planFragmentRecords(data, into: &report)
        }

        // 6. Tokens: over the manifest, and over WARC files.
        if let token = read("manifest.tsr") {
            IntegrityChecks.token(token, digest: manifestDigest, location: "manifest.tsr", into: &report)
        }
        for stamp in manifest.timestamps {
            guard let token = read(stamp.path) else { continue }
            IntegrityChecks.token(token, digest: stamp.digest, location: stamp.path, into: &report)
            if stamp.subject.hasPrefix("warc:") {
                let path = String(stamp.subject.dropFirst(5))
                let found = read(path).map(EvidenceDigest.hex) ?? "missing"
                report.check(
                    found == stamp.digest,
                    VerificationProblem(
                        path,
                        "file differs from what was time-stamped",
                        expected: stamp.digest,
                        found: found
                    )
                )
            }
        }
        return report
    }

    /// Paths of the regular files under `folder`, relative and `/`-separated.
    private static func files(under folder: URL) -> [String] {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
