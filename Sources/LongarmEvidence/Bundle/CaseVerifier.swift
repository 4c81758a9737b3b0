public import Foundation
import LongarmCore
public import LongarmStore

/// Verifies a case in place: the custody chain in the database, the WARC files, the content store and the stored
/// plans (each against its custody entry, with the fragments it names).
public struct CaseVerifier: Sendable {
    private let store: LongarmStore
    private let dataDirectory: URL

    /// Creates a verifier over the store and its data directory.
    public init(store: LongarmStore, dataDirectory: URL) {
        self.store = store
        self.dataDirectory = dataDirectory
    }

    /// Verifies case `caseID` (and the whole custody chain, which all cases share).
    public func verify(caseID: Int64) throws -> VerificationReport {
        guard try store.caseFile(id: caseID) != nil else {
            throw EvidenceError(.badInput, "case \(caseID): no such case")
        }
        var report = VerificationReport(subject: "case \(caseID)")
        let log = try store.custodyLog()
        _ = IntegrityChecks.custody(
            log.map { ($0.entry, $0.storedHash) },
            location: { "custody seq \($0.seq)" },
            into: &report
        )
        let contentStore = ContentStore(dataDirectory: dataDirectory)
        for capture in try store.captures(caseID: caseID) {
            let id = capture.id ?? 0
            let entry = log.last { $0.entry.action == "capture" && $0.entry.object == "capture:\(id)" }?.entry
            report.check(
                entry?.digest == capture.warcSHA256,
                VerificationProblem(
                    "capture \(id)",
                    "capture record's WARC digest differs from the custody log",
                    expected: entry?.digest ?? "no custody entry",
                    found: capture.warcSHA256
                )
            )
            let warcURL = dataDirectory.appendingPathComponent(capture.warcFile)
            if let data = FileManager.default.contents(atPath: warcURL.path) {
                let found = EvidenceDigest.hex(data)
                report.check(
                    found == capture.warcSHA256,
                    VerificationProblem(
                        capture.warcFile,
                        "WARC file changed since capture",
                        expected: capture.warcSHA256,
                        found: found
                    )
                )
                let payloads = IntegrityChecks.warc(data, name: capture.warcFile, into: &report)
                for exchange in capture.exchanges where exchange.warcRecordIDs.count > 1 {
                    let payload = payloads[exchange.warcRecordIDs[1]] ?? "missing"
                    report.check(
                        payload == exchange.bodySHA256,
                        VerificationProblem(
                            "\(capture.warcFile) record \(exchange.warcRecordIDs[1])",
                            "response payload differs from the recorded body digest",
                            expected: exchange.bodySHA256,
                            found: payload
                        )
                    )
                }
            } else {
                report.check(false, VerificationProblem(capture.warcFile, "WARC file missing"))
            }
            for exchange in capture.exchanges {
                let found = try contentStore.currentDigest(of: exchange.bodySHA256) ?? "missing"
                report.check(
                    found == exchange.bodySHA256,
                    VerificationProblem(
                        contentStore.relativePath(of: exchange.bodySHA256),
                        "stored body of \(exchange.url) (capture \(id), exchange \(exchange.ordinal)) changed",
                        expected: exchange.bodySHA256,
                        found: found
                    )
                )
            }
        }
        let capturesByWARC = Dictionary(
            try store.captures(caseID: caseID).map { ("warc:" + $0.warcFile, $0.warcSHA256) },
            uniquingKeysWith: { first, _ in first }
        )
        for token in try store.timestamps(caseID: caseID) {
            if let recorded = capturesByWARC[token.subject] {
                report.check(
                    recorded == token.digest,
                    VerificationProblem(
                        "time-stamp \(token.id ?? 0) (\(token.subject))",
                        "time-stamped digest differs from the capture's WARC digest",
                        expected: token.digest,
                        found: recorded
                    )
                )
            }
            IntegrityChecks.token(
                token.response,
                digest: token.digest,
                location: "time-stamp \(token.id ?? 0) (\(token.subject))",
                into: &report
            )
        }
        for problem in try store.planIntegrityProblems(caseID: caseID) {
            report.check(
                false,
                VerificationProblem(
                    problem.location,
                    problem.problem,
                    expected: problem.expected,
                    found: problem.found
                )
            )
        }
        return report
    }
}
