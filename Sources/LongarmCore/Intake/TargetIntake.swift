public import Foundation

/// Turns batch rows into targets of a case: canonicalises each URL, parses its kind, and sets aside the rows that
/// cannot become targets. Storing (and finding duplicates) is the store's job.
public struct TargetIntake: Sendable {
    /// A row that became a target, with where it came from.
    public struct Prepared: Sendable, Hashable {
        /// The file (or `argument`) the row came from.
        public var source: String
        /// The row's line (or argument position).
        public var line: Int
        /// The target to store.
        public var target: Target
    }

    /// The outcome of preparing a batch.
    public struct Outcome: Sendable {
        /// Rows that became targets, in input order.
        public var prepared: [Prepared]
        /// Rows refused, in input order.
        public var rejected: [BatchRowError]
    }

    /// The canonicalizer used for every URL.
    public let canonicalizer: URLCanonicalizer

    /// Creates an intake over `canonicalizer`.
    public init(canonicalizer: URLCanonicalizer) {
        self.canonicalizer = canonicalizer
    }

    /// Prepares `rows` of `source` as targets of case `caseID`.
    ///
    /// - Parameters:
    ///   - defaultKind: the kind for rows that name none (`nil`: the case's kind applies).
    ///   - defaultNote: the note for rows that have none.
    ///   - now: the creation time given to every target of the batch.
    public func prepare(
        _ rows: [BatchRow],
        source: String,
        caseID: Int64,
        defaultKind: InfringementKind? = nil,
        defaultNote: String? = nil,
        now: Date = Date()
    ) -> Outcome {
        var prepared: [Prepared] = []
        prepared.reserveCapacity(rows.count)
        var rejected: [BatchRowError] = []
        for row in rows {
            do throws(IntakeError) {
                let canonical = try canonicalizer.canonicalize(row.url)
                // The exact spelling is the common case; the lenient parser (trimming, case) is slower.
                var kind: InfringementKind? = nil
                if let text = row.kind {
                    kind = InfringementKind(rawValue: text)
                    if kind == nil { kind = try InfringementKind(parsing: text) }
                }
                let target = Target(
                    caseID: caseID,
                    submittedURL: row.url,
                    canonicalURL: canonical.canonical,
                    host: canonical.host,
                    registrableDomain: canonical.registrableDomain,
                    kind: kind ?? defaultKind,
                    note: row.note ?? defaultNote,
                    createdAt: now
                )
                prepared.append(Prepared(source: source, line: row.line, target: target))
            } catch {
                rejected.append(BatchRowError(source: source, line: row.line, error: error))
            }
        }
        return Outcome(prepared: prepared, rejected: rejected)
    }
}
