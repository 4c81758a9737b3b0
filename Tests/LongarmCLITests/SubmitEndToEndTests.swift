import Foundation
import Testing

/// Runs the built `longarm` binary on a batch with bad rows: exit status, stderr lines and what was stored.
@Suite(.serialized) final class SubmitEndToEndTests: Sendable {
    private let folder: URL
    private let database: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("longarm.sqlite").path
    }

    /// Each test's folder (database, batch files, letters) goes when the test is done.
    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test func storesGoodRowsReportsBadOnesAndExits65() throws {
        let caseRun = try LongarmBinary.run([
            "case", "new", "--holder", "Li Wei", "--kind", "portrait", "--json", "--db", database,
        ])
        #expect(caseRun.status == 0, "case new failed: \(caseRun.stderr)")
        let caseID = try #require(try LongarmBinary.json(caseRun.stdout)["id"] as? Int)

        let batch = folder.appendingPathComponent("batch.csv")
        let csv = [
            "url,kind,note",
            "https://www.FaceSwap-Clips.com/watch/8841?ref=share#t=30,portrait,first",
            "ftp://files.example.com/clip.mp4,portrait,",
            "https://mirror.fakevid.ru/v/8841,defamation,",
            "https://视频分享.com/watch/8841",
            "\"https://v6.clipmirror.org/clip/8841\",reputation,\"note, with comma\"",
            "http://999.1.1.1/v/1,,",
            "HTTPS://www.faceswap-clips.com:443/watch/8841?ref=share,,again",
        ].joined(separator: "\r\n")
        try Data(csv.utf8).write(to: batch)

        let submit = try LongarmBinary.run([
            "submit", "--case", "\(caseID)", "--from", batch.path, "--json", "--db", database,
        ])
        #expect(submit.status == 65)
        let path = batch.path
        #expect(
            submit.stderr.split(separator: "\n").map(String.init) == [
                "\(path):3: unsupported scheme: \"ftp://files.example.com/clip.mp4\" (only http and https)",
                "\(path):4: unknown kind: \"defamation\"",
                "\(path):5: bad row: \"https://视频分享.com/watch/8841\" (row has 1 fields, the header has 3)",
                "\(path):7: invalid host: \"http://999.1.1.1/v/1\" (\"999.1.1.1\" is not an IPv4 address (four numbers 0–255, no leading zeros))",
            ]
        )
        let report = try LongarmBinary.json(submit.stdout)
        let added = try #require(report["added"] as? [[String: Any]])
        let duplicates = try #require(report["duplicates"] as? [[String: Any]])
        let rejected = try #require(report["rejected"] as? [[String: Any]])
        #expect(added.compactMap { $0["line"] as? Int } == [2, 6])
        #expect(duplicates.compactMap { $0["line"] as? Int } == [8])
        #expect(rejected.compactMap { $0["line"] as? Int } == [3, 4, 5, 7])
        #expect(rejected.first?["input"] as? String == "ftp://files.example.com/clip.mp4")

        let show = try LongarmBinary.run(["show", "\(caseID)", "--json", "--db", database])
        #expect(show.status == 0)
        let targets = try #require(try LongarmBinary.json(show.stdout)["targets"] as? [[String: Any]])
        #expect(
            targets.compactMap { $0["canonicalURL"] as? String } == [
                "https://www.faceswap-clips.com/watch/8841?ref=share", "https://v6.clipmirror.org/clip/8841",
            ]
        )
        #expect(targets.compactMap { $0["registrableDomain"] as? String } == ["faceswap-clips.com", "clipmirror.org"])
        #expect(targets.compactMap { $0["note"] as? String } == ["first", "note, with comma"])
        #expect(duplicates.first?["duplicateOf"] as? Int == targets.first?["id"] as? Int)

        // A later submission of a stored URL is a duplicate, not a second target, and exits 0.
        let rerun = try LongarmBinary.run([
            "submit", "https://www.faceswap-clips.com/watch/8841?ref=share", "--case", "\(caseID)", "--db", database,
        ])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.contains("case \(caseID): 0 added, 1 duplicate, 0 rejected"))
    }

    @Test func unknownCaseExits65WithOneLine() throws {
        let run = try LongarmBinary.run(["submit", "https://a.example/", "--case", "99", "--db", database])
        #expect(run.status == 65)
        #expect(run.stderr == "longarm: case 99: no such case in \(database)\n")
    }
}
