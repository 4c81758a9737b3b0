import LongarmCore
import LongarmStore

/// The body answering `POST /v1/cases/{id}/targets`: each row added, found already stored, or rejected, named by
/// its JSON path, as `longarm submit` reports lines.
struct SubmissionReport: Encodable {
    struct Added: Encodable {
        var field: String
        var input: String
        var target: TargetView
    }

    struct Duplicate: Encodable {
        var field: String
        var input: String
        var canonicalURL: String
        var duplicateOf: Int64?
    }

    struct Rejected: Encodable {
        var field: String
        var input: String
        var error: String
    }

    /// `queued` when the worker will resolve the new targets, `done` when the request resolved them.
    enum Resolution: String, Encodable {
        case queued, done
    }

    var caseId: Int64
    var resolution: Resolution
    var added: [Added]
    var duplicates: [Duplicate]
    var rejected: [Rejected]
    /// Problems that did not stop the submission (a resolution that failed and left the targets queued).
    var warnings: [String]
}
