import LongarmCore

/// The body of `GET /v1/cases/{id}`: the case and each of its targets with its latest profile and plan.
struct CaseView: Encodable {
    var `case`: CaseFile
    var targets: [TargetView]
}
