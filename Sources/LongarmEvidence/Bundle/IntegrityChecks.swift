import Crypto
import Foundation
import LongarmCore
import LongarmStore

/// The checks shared by case and bundle verification: WARC record digests, the custody chain, tokens.
enum IntegrityChecks {
    /// Checks every record's block and payload digest; returns each response record's payload SHA-256 (hex)
    /// by record identifier.
    static func warc(_ data: Data, name: String, into report: inout VerificationReport) -> [String: String] {
        let records: [WARCReadRecord]
        do {
            records = try WARCReader.records(in: data, name: name)
        } catch {
            report.check(false, VerificationProblem(name, "cannot be read as WARC: \(error)"))
            return [:]
        }
        var payloads: [String: String] = [:]
        for record in records {
            let id = record.field("WARC-Record-ID") ?? "?"
            let location = "\(name) record \(id) (\(record.field("WARC-Type") ?? "?"), offset \(record.offset))"
            if let recorded = record.field("WARC-Block-Digest") {
                let computed = EvidenceDigest.warcLabel(record.block)
                report.check(
                    recorded == computed,
                    VerificationProblem(
                        location,
                        "block digest does not match the record",
                        expected: recorded,
                        found: computed
                    )
                )
            }
            if let recorded = record.field("WARC-Payload-Digest") {
                let computed = EvidenceDigest.warcLabel(record.payload)
                report.check(
                    recorded == computed,
                    VerificationProblem(
                        location,
                        "payload digest does not match the record",
                        expected: recorded,
                        found: computed
                    )
                )
            }
            if record.field("WARC-Type") == "response" {
                payloads[id] = EvidenceDigest.hex(record.payload)
            }
        }
        return payloads
    }

    /// Checks the chain: seq without gaps, each `prev` the hash of the entry before, and (when known) each
    /// entry's hash as stored beside it. Returns the head (hash of the last entry).
    static func custody(
        _ entries: [(entry: CustodyEntry, storedHash: String?)],
        location: (CustodyEntry) -> String,
        into report: inout VerificationReport
    ) -> String {
        var previous = CustodyEntry.genesisPrev
        var expectedSeq: Int64 = 1
        for (entry, storedHash) in entries {
            let hash = entry.chainHash
            report.check(
                entry.seq == expectedSeq,
                VerificationProblem(
                    location(entry),
                    "sequence broken",
                    expected: "seq \(expectedSeq)",
                    found: "seq \(entry.seq)"
                )
            )
            report.check(
                entry.prev == previous,
                VerificationProblem(
                    location(entry),
                    "chain broken: prev is not the hash of the entry before (that entry or this one was changed)",
                    expected: previous,
                    found: entry.prev
                )
            )
            if let storedHash {
                report.check(
                    storedHash == hash,
                    VerificationProblem(
                        location(entry),
                        "entry changed after it was written",
                        expected: storedHash,
                        found: hash
                    )
                )
            }
            previous = hash
            expectedSeq = entry.seq + 1
        }
        return previous
    }

    /// Checks a stored `TimeStampResp`: granted, SHA-256, and covering `digest`.
    static func token(_ data: Data, digest: String, location: String, into report: inout VerificationReport) {
        do {
            let response = try TimeStampResponse(derEncoded: data)
            report.check(
                response.granted,
                VerificationProblem(location, "time-stamp token not granted", found: "status \(response.status)")
            )
            let covered = response.hashedMessage.map { EvidenceDigest.hexBytes($0) } ?? "none"
            report.check(
                covered == digest,
                VerificationProblem(
                    location,
                    "time-stamp token covers a different digest",
                    expected: digest,
                    found: covered
                )
            )
        } catch {
            report.check(false, VerificationProblem(location, "time-stamp token unreadable: \(error)"))
        }
    }
}

extension EvidenceDigest {
    /// Lower-case hex of raw bytes.
    static func hexBytes(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
