import Crypto
import Foundation
import LongarmCore
import LongarmEvidence
import LongarmStore
import Testing

@Suite struct CustodyLogTests {
    @Test func chainsEachEntryToTheHashOfTheOneBefore() throws {
        let store = try LongarmStore.inMemory()
        let first = try store.appendCustody(actor: "tester", action: "capture", object: "capture:1", digest: "aa")
        let second = try store.appendCustody(actor: "resolve", action: "resolve", object: "target:1", digest: "")
        #expect(first.seq == 1 && second.seq == 2)
        #expect(first.prev == String(repeating: "0", count: 64))
        let expected = SHA256.hash(data: Data(first.canonicalSerialization.utf8)).map { String(format: "%02x", $0) }
            .joined()
        #expect(second.prev == expected)
        #expect(try store.custodyLog().map(\.storedHash) == [first.chainHash, second.chainHash])
    }

    @Test func serialisesCanonicallyWithFixedKeyOrderAndEscapes() {
        let entry = CustodyEntry(
            seq: 7,
            time: "2026-11-25T18:00:00.000Z",
            actor: "a \"quoted\"\\ name",
            action: "capture",
            object: "line\nbreak",
            digest: "ab",
            prev: "00"
        )
        #expect(
            entry.canonicalSerialization
                == #"{"seq":7,"time":"2026-11-25T18:00:00.000Z","actor":"a \"quoted\"\\ name","action":"capture","object":"line\u000abreak","digest":"ab","prev":"00"}"#
        )
        let decoded = try? JSONDecoder().decode(CustodyEntry.self, from: Data(entry.canonicalSerialization.utf8))
        #expect(decoded == entry)
    }

    @Test func theBytesHashedAreTheCanonicalLine() {
        let entries = [
            CustodyEntry(
                seq: 7,
                time: "2026-11-25T18:00:00.000Z",
                actor: "a \"quoted\"\\ name",
                action: "capture",
                object: "line\nbreak\u{7F}",
                digest: "ab",
                prev: "00"
            ),
            CustodyEntry(
                seq: 123_456_789,
                time: "t",
                actor: "李伟 (ana@desk)",
                action: "plan",
                object: "plan:1",
                digest: "",
                prev: CustodyEntry.genesisPrev
            ),
        ]
        let numbered = [0, 1, 9, 10, 99, 100, 1_000_000, Int64.max].map { seq in
            CustodyEntry(seq: seq, time: "t", actor: "a", action: "b", object: "c", digest: "d", prev: "e")
        }
        var buffer = Array("kept".utf8)
        for entry in entries + numbered {
            #expect(entry.canonicalBytes == Array(entry.canonicalSerialization.utf8))
            buffer.removeSubrange(4...)
            entry.appendCanonicalBytes(to: &buffer)
            #expect(buffer == Array("kept".utf8) + entry.canonicalBytes, "appends after what the buffer holds")
            let expected = SHA256.hash(data: Data(entry.canonicalSerialization.utf8))
                .map { String(format: "%02x", $0) }.joined()
            #expect(entry.chainHash == expected)
        }
    }

    @Test func concurrentAppendsNeverForkTheChain() async throws {
        let scratch = try Scratch()
        let store = scratch.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    try store.appendCustody(
                        actor: "worker \(index % 4)",
                        action: "recheck",
                        object: "target:\(index)",
                        digest: ""
                    )
                }
            }
            try await group.waitForAll()
        }
        // A second connection to the same file, as another process would open it.
        let other = try LongarmStore(path: scratch.folder.appendingPathComponent("data/longarm.sqlite").path)
        try other.appendCustody(actor: "other process", action: "recheck", object: "target:x", digest: "")
        let log = try store.custodyLog()
        #expect(log.map(\.entry.seq) == Array(1...41))
        var previous = CustodyEntry.genesisPrev
        for (entry, stored) in log {
            #expect(entry.prev == previous)
            #expect(entry.chainHash == stored)
            previous = entry.chainHash
        }
    }

    @Test func twoConnectionsAppendingAtOnceQueueInsteadOfForkingOrFailing() async throws {
        let scratch = try Scratch()
        let path = scratch.folder.appendingPathComponent("data/longarm.sqlite").path
        // Two pools on one file contend through SQLite's lock exactly as two processes would.
        let stores = [scratch.store, try LongarmStore(path: path)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                let store = stores[index % 2]
                group.addTask {
                    try store.appendCustody(
                        actor: "process \(index % 2)",
                        action: "recheck",
                        object: "t:\(index)",
                        digest: ""
                    )
                }
            }
            try await group.waitForAll()
        }
        let log = try scratch.store.custodyLog()
        #expect(log.map(\.entry.seq) == Array(1...40))
        #expect(zip(log.dropFirst(), log).allSatisfy { $0.entry.prev == $1.entry.chainHash })
    }

    @Test func caseVerificationNamesTheFirstChangedEntry() async throws {
        let scratch = try Scratch()
        let caseID = try scratch.newCase()
        _ = try await captureAndRecord(
            "http://a.example/",
            web: FakeFetcher(["http://a.example/": FakeFetcher.html("x")]),
            scratch: scratch,
            caseID: caseID
        )
        try scratch.store.appendCustody(actor: "resolve", action: "resolve", object: "target:1", digest: "")
        try scratch.store.appendCustody(actor: "letters", action: "letter", object: "letter:1", digest: "")
        let verifier = CaseVerifier(store: scratch.store, dataDirectory: scratch.data)
        #expect(try verifier.verify(caseID: caseID).ok)

        try scratch.store.tamperForTests(sql: "UPDATE custody SET actor = 'resolvE' WHERE seq = 2")
        let report = try verifier.verify(caseID: caseID)
        #expect(!report.ok)
        #expect(report.firstBrokenLink?.location == "custody seq 2")
        #expect(report.firstBrokenLink?.what.contains("changed") == true)
    }
}
