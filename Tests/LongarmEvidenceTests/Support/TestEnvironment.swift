import Foundation
import GRDB
import LongarmCore
import LongarmEvidence
import LongarmStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A scratch folder with an on-disk store and data directory, removed at the end of the test.
struct Scratch: ~Copyable {
    let folder: URL
    let store: LongarmStore
    var data: URL { folder.appendingPathComponent("data") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try LongarmStore(path: folder.appendingPathComponent("data/longarm.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func newCase() throws -> Int64 {
        try #require(try store.createCase(CaseFile(holder: "Li Wei", kind: .portrait)).id)
    }
}

/// The external tools the tests drive, found where scripts/setup.sh installs them; a missing tool fails the test.
enum Tools {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func warcio() throws -> String {
        let path = packageRoot.appendingPathComponent(".build/venv/bin/warcio").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("warcio missing at \(path): run scripts/setup.sh (make setup)")
            throw ToolMissing(name: "warcio")
        }
        return path
    }

    struct ToolMissing: Error { let name: String }

    /// Runs a program, returning its status and combined output.
    @discardableResult
    static func run(
        _ program: String,
        _ arguments: [String],
        in folder: URL? = nil
    ) throws -> (status: Int32, output: String) {
        // Output goes to a file and the child is reaped with waitpid: a pipe's end-of-file and Foundation's
        // waitUntilExit both wait for every process that inherited a descriptor, and on Linux a server started
        // by a concurrent test can inherit one.
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "longarm-run-\(UUID().uuidString)"
        )
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let handle = try FileHandle(forWritingTo: outputFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try handle.close()
        var status: Int32 = 0
        var reaped = waitpid(process.processIdentifier, &status, 0)
        while reaped == -1 && errno == EINTR { reaped = waitpid(process.processIdentifier, &status, 0) }
        let exitStatus: Int32
        if reaped == -1 {
            // Foundation reaped it first; its own record of the status is then complete.
            process.waitUntilExit()
            exitStatus = process.terminationStatus
        } else {
            exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        }
        return (exitStatus, String(decoding: try Data(contentsOf: outputFile), as: UTF8.self))
    }
}

/// Captures `pages` through a fake web and records it for `caseID`.
func captureAndRecord(
    _ url: String,
    web: FakeFetcher,
    scratch: borrowing Scratch,
    caseID: Int64,
    maxBody: Int = 50_000_000,
    gzip: Bool = false
) async throws -> EvidenceCapture {
    let capturer = EvidenceCapturer(
        fetcher: web,
        clock: FixedClock(),
        configuration: CaptureConfiguration(maxBodyBytes: maxBody, toolVersion: "longarm/test")
    )
    let page = try await capturer.capture(url: url)
    return try await EvidenceRecorder(store: scratch.store, dataDirectory: scratch.data, actor: "test", gzip: gzip)
        .record(
            page,
            caseID: caseID,
            targetID: nil
        )
}

extension LongarmStore {
    /// Changes the database behind Longarm's back, as an attacker with file access would.
    func tamperForTests(sql: String) throws {
        try writer.write { try $0.execute(sql: sql) }
    }
}
