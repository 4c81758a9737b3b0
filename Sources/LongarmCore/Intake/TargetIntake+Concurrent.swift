public import Foundation

extension TargetIntake {
    /// Like ``prepare(_:source:caseID:defaultKind:defaultNote:now:)``, with a large batch split over `parts`
    /// concurrent tasks (canonicalisation is pure CPU work); the outcome keeps input order.
    public func prepareConcurrently(
        _ rows: [BatchRow],
        source: String,
        caseID: Int64,
        defaultKind: InfringementKind? = nil,
        defaultNote: String? = nil,
        now: Date = Date(),
        parts: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async -> Outcome {
        // Below a few thousand rows the tasks cost more than they save.
        guard parts > 1, rows.count >= 4096 else {
            return prepare(
                rows,
                source: source,
                caseID: caseID,
                defaultKind: defaultKind,
                defaultNote: defaultNote,
                now: now
            )
        }
        let size = (rows.count + parts - 1) / parts
        let chunks = stride(from: 0, to: rows.count, by: size).map { Array(rows[$0..<min($0 + size, rows.count)]) }
        let outcomes = await withTaskGroup(of: (Int, Outcome).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask {
                    let outcome = prepare(
                        chunk,
                        source: source,
                        caseID: caseID,
                        defaultKind: defaultKind,
                        defaultNote: defaultNote,
                        now: now
                    )
                    return (index, outcome)
                }
            }
            var ordered = [Outcome?](repeating: nil, count: chunks.count)
            for await (index, outcome) in group { ordered[index] = outcome }
            return ordered.compactMap { $0 }
        }
        var merged = Outcome(prepared: [], rejected: [])
        merged.prepared.reserveCapacity(rows.count)
        for outcome in outcomes {
            merged.prepared += outcome.prepared
            merged.rejected += outcome.rejected
        }
        return merged
    }
}
