import Foundation
import LongarmEvidence
import Testing

@Suite struct ContentStoreTests {
    @Test func storesBodyUnderItsDigestAndReadsItBack() throws {
        let scratch = try Scratch()
        let store = ContentStore(dataDirectory: scratch.data)
        let body = Data("<html>infringing copy</html>".utf8)
        let digest = try store.put(body)
        #expect(digest == EvidenceDigest.hex(body))
        let path = store.location(of: digest).path
        #expect(path.hasSuffix("objects/\(digest.prefix(2))/\(digest.dropFirst(2))"))
        #expect(FileManager.default.contents(atPath: path) == body)
        #expect(try store.get(digest) == body)
    }

    @Test func deduplicatesIdenticalBodies() throws {
        let scratch = try Scratch()
        let store = ContentStore(dataDirectory: scratch.data)
        let first = try store.put(Data("same".utf8))
        let second = try store.put(Data("same".utf8))
        #expect(first == second)
        let files = try FileManager.default.subpathsOfDirectory(atPath: store.root.path)
            .filter { !$0.hasSuffix("/") && $0.contains("/") }
        #expect(files.count == 1)
    }

    @Test func leavesNoTemporaryFilesBehind() throws {
        let scratch = try Scratch()
        let store = ContentStore(dataDirectory: scratch.data)
        for index in 0..<5 { try store.put(Data("body \(index)".utf8)) }
        let names = try FileManager.default.subpathsOfDirectory(atPath: store.root.path)
        #expect(!names.contains { $0.contains(".tmp-") })
    }

    @Test func getRefusesADamagedObject() throws {
        let scratch = try Scratch()
        let store = ContentStore(dataDirectory: scratch.data)
        let digest = try store.put(Data("original".utf8))
        try Data("0riginal".utf8).write(to: store.location(of: digest))
        #expect(throws: EvidenceError.self) { try store.get(digest) }
        #expect(try store.currentDigest(of: digest) == EvidenceDigest.hex(Data("0riginal".utf8)))
    }

    @Test func puttingGoodBytesOverADamagedObjectKeepsTheDamagedCopyAside() throws {
        let scratch = try Scratch()
        let store = ContentStore(dataDirectory: scratch.data)
        let digest = try store.put(Data("original".utf8))
        try Data("0riginal".utf8).write(to: store.location(of: digest))
        try store.put(Data("original".utf8))
        #expect(try store.get(digest) == Data("original".utf8))
        let folder = store.location(of: digest).deletingLastPathComponent()
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".damaged-") }
        #expect(aside.count == 1)
        #expect(
            FileManager.default.contents(atPath: folder.appendingPathComponent(aside[0]).path) == Data("0riginal".utf8)
        )
    }

    @Test func writesWARCDigestsAsPaddedBase32() {
        // Expected value computed independently: base64.b32encode(hashlib.sha256(b"abc").digest()) in Python.
        let label = EvidenceDigest.warcLabel(Data("abc".utf8))
        #expect(label == "sha256:XJ4BNP4PAHH6UQKBIDPF3LRCEOYAGYNDSYLXVHFUCD7WD4QACWWQ====")
    }
}
