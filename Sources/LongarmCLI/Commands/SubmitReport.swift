import Foundation
import LongarmCore
import LongarmStore
import LongarmWorkflow

/// What `longarm submit` did, in the shape of its `--json` document.
struct SubmitReport: Encodable {
    struct Added: Encodable {
        let source: String
        let line: Int
        let input: String
        let target: Target
    }

    struct Duplicate: Encodable {
        let source: String
        let line: Int
        let input: String
        let canonicalURL: String
        let duplicateOf: Int64?
    }

    struct Rejected: Encodable {
        let source: String
        let line: Int
        let input: String
        let error: String
    }

    /// The evidence captured at intake (`--evidence`) for one added target.
    struct Captured: Encodable {
        let targetID: Int64?
        let url: String
        let capture: Int64?
        let finalURL: String?
        let status: Int?
        let warcFile: String?
        let warcSHA256: String?
        let error: String?

        init(_ outcome: EvidenceCollection.Outcome) {
            targetID = outcome.job.targetID
            url = outcome.job.url
            switch outcome.result {
            case .success(let capture):
                self.capture = capture.id
                finalURL = capture.finalURL
                status = capture.exchanges.last?.status
                warcFile = capture.warcFile
                warcSHA256 = capture.warcSHA256
                error = nil
            case .failure(let failure):
                (capture, finalURL, status, warcFile, warcSHA256) = (nil, nil, nil, nil, nil)
                error = "\(failure)"
            }
        }
    }

    let caseID: Int64
    let added: [Added]
    let duplicates: [Duplicate]
    let rejected: [Rejected]
    /// Present with `--evidence` only.
    var evidence: [Captured]?

    enum CodingKeys: String, CodingKey {
        case caseID = "case"
        case added, duplicates, rejected, evidence
    }

    init(caseID: Int64, prepared: [TargetIntake.Prepared], results: [TargetInsertion], rejected: [BatchRowError]) {
        self.caseID = caseID
        var added: [Added] = []
        var duplicates: [Duplicate] = []
        for (item, result) in zip(prepared, results) {
            switch result {
            case .added(let target):
                added.append(
                    Added(source: item.source, line: item.line, input: item.target.submittedURL, target: target)
                )
            case .duplicate(let original):
                duplicates.append(
                    Duplicate(
                        source: item.source,
                        line: item.line,
                        input: item.target.submittedURL,
                        canonicalURL: item.target.canonicalURL,
                        duplicateOf: original.id
                    )
                )
            }
        }
        self.added = added
        self.duplicates = duplicates
        self.rejected = rejected.map {
            Rejected(source: $0.source, line: $0.line, input: $0.error.input, error: $0.error.description)
        }
    }

    /// One line per added and duplicate URL, then a summary; built in memory and written at once.
    func printText() {
        var text = ""
        for item in added {
            text += "added\t\(item.target.id ?? 0)\t\(item.target.canonicalURL)\n"
        }
        for item in duplicates {
            let of = item.duplicateOf.map { "target \($0)" } ?? "a stored target"
            text += "duplicate\t\(item.canonicalURL)\t\(item.source):\(item.line) repeats \(of)\n"
        }
        for item in evidence ?? [] {
            if let capture = item.capture {
                text +=
                    "captured\t\(item.targetID ?? 0)\tcapture \(capture) [\(item.status ?? 0)] \(item.warcFile ?? "")\n"
            } else {
                text += "not captured\t\(item.targetID ?? 0)\t\(item.url): \(item.error ?? "unknown error")\n"
            }
        }
        text += "case \(caseID): \(added.count) added, \(duplicates.count) duplicate, \(rejected.count) rejected\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
