import Foundation
import Testing

@testable import LongarmCore

@Suite struct TargetIntakeTests {
    @Test func preparesGoodRowsAndRejectsBadOnesWithTheirLines() {
        let intake = TargetIntake(canonicalizer: URLCanonicalizer(publicSuffixList: PublicSuffixListTests.list))
        let rows = [
            BatchRow(line: 2, url: "https://WWW.Example.co.uk/a#x", kind: "Portrait"),
            BatchRow(line: 3, url: "ftp://example.com/"),
            BatchRow(line: 4, url: "https://example.com/", kind: "piracy"),
            BatchRow(line: 5, url: "https://example.com/b", note: "own note"),
        ]
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let outcome = intake.prepare(
            rows,
            source: "b.csv",
            caseID: 7,
            defaultKind: .reputation,
            defaultNote: "default",
            now: now
        )
        #expect(outcome.prepared.map(\.line) == [2, 5])
        let first = outcome.prepared[0].target
        #expect(first.canonicalURL == "https://www.example.co.uk/a")
        #expect(first.submittedURL == "https://WWW.Example.co.uk/a#x")
        #expect(first.registrableDomain == "example.co.uk")
        #expect(first.kind == .portrait && first.note == "default" && first.caseID == 7 && first.createdAt == now)
        #expect(outcome.prepared[1].target.kind == .reputation && outcome.prepared[1].target.note == "own note")
        #expect(
            outcome.rejected.map(\.description) == [
                "b.csv:3: unsupported scheme: \"ftp://example.com/\" (only http and https)",
                "b.csv:4: unknown kind: \"piracy\"",
            ]
        )
    }
}

@Suite struct TargetIntakeConcurrencyTests {
    @Test func concurrentPreparationMatchesSequentialInOrder() async {
        let intake = TargetIntake(canonicalizer: URLCanonicalizer(publicSuffixList: PublicSuffixListTests.list))
        let rows = (0..<10_000).map { index in
            BatchRow(
                line: index + 2,
                url: index % 997 == 0 ? "ftp://bad.example/\(index)" : "HTTP://Host\(index % 7).Example.com/\(index)"
            )
        }
        let now = Date()
        let sequential = intake.prepare(rows, source: "b.csv", caseID: 1, now: now)
        let concurrent = await intake.prepareConcurrently(rows, source: "b.csv", caseID: 1, now: now, parts: 3)
        #expect(concurrent.prepared == sequential.prepared)
        #expect(concurrent.rejected == sequential.rejected)
        #expect(concurrent.rejected.count == 11)
    }
}
