import Foundation
import LongarmCore
import LongarmLetters
import LongarmStore

/// The evidence captured for a case's targets (by `longarm evidence capture`), as the letters print it.
enum CaseEvidence {
    /// One summary per target with at least one capture; the last exchange of a capture is the page itself.
    static func summaries(caseID: Int64, store: LongarmStore) throws -> [Int64: EvidenceSummary] {
        var result: [Int64: EvidenceSummary] = [:]
        for capture in try store.captures(caseID: caseID) {
            guard let targetID = capture.targetID, let page = capture.exchanges.last else { continue }
            let server = page.primaryIP.map { ip in
                let host = ip.contains(":") ? "[\(ip)]" : ip
                return page.primaryPort.map { "\(host):\($0)" } ?? host
            }
            result[targetID, default: EvidenceSummary(captures: [])].captures.append(
                EvidenceSummary.Capture(
                    url: capture.url,
                    capturedAt: date(capture.capturedAt),
                    sha256: page.bodySHA256,
                    serverAddress: server
                )
            )
        }
        return result
    }

    /// Parses the custody log's timestamp (ISO 8601, with or without fractional seconds).
    static func date(_ text: String) -> Date {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return (try? Date.ISO8601FormatStyle().parse(text)) ?? Date(timeIntervalSince1970: 0)
    }
}
