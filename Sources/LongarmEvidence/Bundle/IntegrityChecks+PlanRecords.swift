import Foundation
import LongarmCore

extension IntegrityChecks {
    /// Checks each row of a bundle's `records/plan.json`: the SHA-256 of its `json` (the stored bytes, written
    /// as UTF-8 text) against the digest of the custody entry `plan` on `plan:<id>`.
    static func planRecords(_ data: Data, custody: [CustodyEntry], into report: inout VerificationReport) {
        let location = "records/plan.json"
        guard let rows = try? JSONDecoder().decode([[String: String]].self, from: data) else {
            report.check(false, VerificationProblem(location, "not a list of plan rows"))
            return
        }
        var recorded: [String: String] = [:]
        for entry in custody where entry.action == "plan" { recorded[entry.object] = entry.digest }
        for row in rows {
            let id = row["id"] ?? "?"
            let found = row["json"].map { EvidenceDigest.hex(Data($0.utf8)) } ?? "missing"
            let expected = recorded["plan:\(id)"] ?? "no custody entry"
            report.check(
                found == expected,
                VerificationProblem(
                    "\(location) plan \(id)",
                    "plan record differs from the digest in the custody log",
                    expected: expected,
                    found: found
                )
            )
        }
    }

    /// Checks each row of a bundle's `records/plan_fragment.json`: the SHA-256 of its `json` against its key.
    static func planFragmentRecords(_ data: Data, into report: inout VerificationReport) {
        let location = "records/plan_fragment.json"
        guard let rows = try? JSONDecoder().decode([[String: String]].self, from: data) else {
            report.check(false, VerificationProblem(location, "not a list of plan fragments"))
            return
        }
        for row in rows {
            let key = row["sha256"] ?? "missing"
            let found = row["json"].map { EvidenceDigest.hex(Data($0.utf8)) } ?? "missing"
            report.check(
                found == key,
                VerificationProblem(
                    "\(location) \(key)",
                    "plan fragment record differs from its key",
                    expected: key,
                    found: found
                )
            )
        }
    }
}
