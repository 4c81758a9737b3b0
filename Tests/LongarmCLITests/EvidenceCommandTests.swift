import ArgumentParser
import Foundation
import LongarmCore
import LongarmStore
import Synchronization
import Testing

@testable import LongarmCLI

/// Drives the evidence commands in-process. Serialized: they share `FetcherFactory.override`.
@Suite(.serialized) struct EvidenceCommandTests {
    /// A web of one page, for the capture command.
    struct OnePageWeb: HTTPFetching {
        func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
            HTTPExchange(
                request: request,
                status: 200,
                rawResponseHead: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                headers: [HTTPHeader("Content-Type", "text/html")],
                body: Data("<p>copied photo</p>".utf8),
                httpVersion: "HTTP/1.1",
                primaryIP: "93.184.216.34",
                primaryPort: 80
            )
        }
    }

    private func run(_ arguments: [String]) async throws {
        var command = try LongarmCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    private func exitCode(_ arguments: [String]) async -> Int32 {
        do {
            try await run(arguments)
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            return -1
        }
    }

    @Test func parsesCaptureWithAllOptions() throws {
        let parsed = try LongarmCommand.parseAsRoot([
            "evidence", "capture", "https://x.example/a", "--case", "3", "--tsa", "http://127.0.0.1:9/",
            "--max-body", "1000", "--timeout", "5", "--json",
        ])
        let capture = try #require(parsed as? EvidenceCaptureCommand)
        #expect(capture.caseID == 3 && capture.maxBody == 1000 && capture.tsa == "http://127.0.0.1:9/")
        #expect(capture.net.timeout == 5)
    }

    @Test(arguments: [
        ["evidence", "capture", "https://x.example/a"],
        ["evidence", "capture", "x.example"],
        ["evidence", "capture", "1", "--max-body", "0"],
        ["evidence", "export", "1"],
    ])
    func rejectsBadEvidenceArguments(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try LongarmCommand.parseAsRoot(arguments) }
    }

    @Test func captureOfAnUnreachableServerExitsWith69AndStoresNothing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("l.sqlite").path
        let caseID = try #require(try LongarmStore(path: db).createCase(CaseFile(holder: "A", kind: .copyright)).id)
        FetcherFactory.override.withLock { $0 = nil }
        // Port 9 on loopback is closed: the real client is refused without any traffic leaving the machine.
        let status = await exitCode([
            "evidence", "capture", "https://x.example/", "--case", "\(caseID)", "--db", db,
            "--connect-to", "x.example:443:127.0.0.1:9", "--dns", "127.0.0.1:9", "--timeout", "3",
        ])
        #expect(status == 69)
        #expect(try LongarmStore(path: db).captures(caseID: caseID).isEmpty)
    }

    @Test func capturesExportsAndVerifiesThroughTheCommandLine() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("l.sqlite").path
        let caseID = try #require(try LongarmStore(path: db).createCase(CaseFile(holder: "A", kind: .copyright)).id)
        FetcherFactory.override.withLock { $0 = { _ in (OnePageWeb(), nil) } }
        defer { FetcherFactory.override.withLock { $0 = nil } }

        try await run(["evidence", "capture", "http://x.example/", "--case", "\(caseID)", "--db", db, "--json"])
        #expect(try LongarmStore(path: db).captures(caseID: caseID).count == 1)
        #expect(await exitCode(["evidence", "verify", "\(caseID)", "--db", db]) == 0)

        let bundle = folder.appendingPathComponent("bundle.zip").path
        try await run(["evidence", "export", "\(caseID)", "--out", bundle, "--db", db])
        #expect(await exitCode(["evidence", "verify", bundle]) == 0)

        var bytes = try Data(contentsOf: URL(fileURLWithPath: bundle))
        bytes[bytes.count / 3] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: bundle))
        #expect(await exitCode(["evidence", "verify", bundle, "--json"]) != 0)
    }

    @Test func capturesEveryTargetOfACaseAndLinksEachToItsTarget() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("l.sqlite").path
        let store = try LongarmStore(path: db)
        let caseID = try #require(try store.createCase(CaseFile(holder: "A", kind: .copyright)).id)
        let urls = ["http://one.example/a", "http://two.example/b"]
        let added = try store.addTargets(
            urls.map {
                Target(
                    caseID: caseID,
                    submittedURL: $0,
                    canonicalURL: $0,
                    host: URL(string: $0)!.host!,
                    registrableDomain: nil
                )
            }
        )
        let targetIDs = added.compactMap { if case .added(let t) = $0 { return t.id } else { return nil } }
        FetcherFactory.override.withLock { $0 = { _ in (OnePageWeb(), nil) } }
        defer { FetcherFactory.override.withLock { $0 = nil } }

        try await run(["evidence", "capture", "\(caseID)", "--db", db, "--gzip"])
        // Captures run concurrently, so they are stored in the order they finish.
        let captures = try store.captures(caseID: caseID).sorted { ($0.targetID ?? 0) < ($1.targetID ?? 0) }
        #expect(captures.map(\.url) == urls)
        #expect(captures.map(\.targetID) == targetIDs)
        #expect(captures.allSatisfy { $0.warcFile.hasSuffix(".warc.gz") })
        #expect(await exitCode(["evidence", "verify", "\(caseID)", "--db", db]) == 0)
    }

    /// One page per host; `down.example` refuses every connection.
    struct PartlyDownWeb: HTTPFetching {
        struct Refused: Error, CustomStringConvertible {
            var description: String { "connection refused" }
        }

        func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
            if request.url.contains("down.example") { throw Refused() }
            return try await OnePageWeb().fetch(request)
        }
    }

    @Test func submitWithEvidenceCapturesEachNewTargetAtIntake() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("l.sqlite").path
        let store = try LongarmStore(path: db)
        let caseID = try #require(try store.createCase(CaseFile(holder: "A", kind: .copyright)).id)
        FetcherFactory.override.withLock { $0 = { _ in (PartlyDownWeb(), nil) } }
        defer { FetcherFactory.override.withLock { $0 = nil } }

        let urls = ["http://one.example/a", "http://down.example/b", "http://two.example/c"]
        let status = await exitCode(
            ["submit"] + urls + ["--case", "\(caseID)", "--evidence", "--no-resolve", "--db", db, "--json"]
        )
        #expect(status == 1, "a page that could not be captured makes the run a failure")
        let targets = try store.targets(caseID: caseID)
        #expect(targets.count == 3, "every target is stored, captured or not")
        let captures = try store.captures(caseID: caseID)
        #expect(Set(captures.map(\.url)) == ["http://one.example/a", "http://two.example/c"])
        let byURL = Dictionary(uniqueKeysWithValues: targets.map { ($0.canonicalURL, $0.id) })
        #expect(captures.allSatisfy { $0.targetID != nil && $0.targetID == byURL[$0.url] })
        let actions = try store.custodyLog().map(\.entry.action)
        #expect(actions == ["capture", "capture"])
        #expect(await exitCode(["evidence", "verify", "\(caseID)", "--db", db]) == 0)

        // A URL the case already holds is not captured again.
        #expect(
            await exitCode([
                "submit", "http://one.example/a", "--case", "\(caseID)", "--evidence", "--no-resolve", "--db", db,
            ])
                == 0
        )
        #expect(try store.captures(caseID: caseID).count == 2)
    }

    @Test func benchRunsOnTheSyntheticServer() async throws {
        #expect(await exitCode(["evidence", "bench", "--pages", "5", "--size", "2000", "--concurrency", "2"]) == 0)
    }
}
