import Foundation
import LongarmCore
import LongarmEvidence
import LongarmStore
import Testing

@Suite struct BundleTests {
    /// A case with two captures (one a redirect chain) and a resolved profile-less target, exported to a folder.
    private func exportedCase(_ scratch: borrowing Scratch, to name: String = "bundle") async throws -> (Int64, URL) {
        let caseID = try scratch.newCase()
        let web = FakeFetcher([
            "http://a.example/": FakeFetcher.redirect(to: "/page"),
            "http://a.example/page": FakeFetcher.html("<h1>fake video of Li Wei</h1>"),
            "http://b.example/": FakeFetcher.html("<p>defamatory post</p>"),
        ])
        _ = try await captureAndRecord("http://a.example/", web: web, scratch: scratch, caseID: caseID)
        _ = try await captureAndRecord("http://b.example/", web: web, scratch: scratch, caseID: caseID)
        let out = scratch.folder.appendingPathComponent(name)
        _ = try await BundleExporter(
            store: scratch.store,
            dataDirectory: scratch.data,
            clock: FixedClock(),
            toolVersion: "longarm/test",
            actor: "test"
        ).export(caseID: caseID, to: out)
        return (caseID, out)
    }

    @Test func exportsAFolderThatVerifiesAndPassesSha256sumAndWarcio() async throws {
        let scratch = try Scratch()
        let (_, out) = try await exportedCase(scratch)
        let report = try BundleVerifier().verify(out)
        #expect(report.ok, "\(report.problems)")
        #expect(report.checked > 20)
        let sums = try Tools.run("sha256sum", ["-c", "SHA256SUMS"], in: out)
        #expect(sums.status == 0, "\(sums.output)")
        let warcs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("warc").path)
        #expect(warcs.count == 2)
        let check = try Tools.run(
            try Tools.warcio(),
            ["check"] + warcs.map { out.appendingPathComponent("warc/\($0)").path }
        )
        #expect(check.status == 0, "\(check.output)")
        let manifest = try BundleManifest.decode(Data(contentsOf: out.appendingPathComponent("manifest.json")))
        #expect(manifest.captureMethod == "static capture, no script execution")
        #expect(manifest.bodies.count == 3)
        #expect(manifest.captures.map(\.exchanges.count) == [2, 1])
        #expect(manifest.custody.entries == 2)
        let readme = try String(contentsOf: out.appendingPathComponent("README.txt"), encoding: .utf8)
        #expect(readme.contains("sha256sum -c SHA256SUMS") && readme.contains("warcio check"))
    }

    @Test func exportAppendsACustodyEntryWithTheManifestDigest() async throws {
        let scratch = try Scratch()
        let (caseID, out) = try await exportedCase(scratch)
        let manifest = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        let last = try #require(try scratch.store.custodyLog().last?.entry)
        #expect(last.action == "export" && last.object == "case:\(caseID):manifest.json")
        #expect(last.digest == EvidenceDigest.hex(manifest))
    }

    @Test func exportsAZipThatVerifies() async throws {
        let scratch = try Scratch()
        let (_, zip) = try await exportedCase(scratch, to: "bundle.zip")
        #expect(try BundleVerifier().verify(zip).ok)
        let listing = try Tools.run("python3", ["-m", "zipfile", "-l", zip.path])
        #expect(listing.output.contains("manifest.json") && listing.output.contains("SHA256SUMS"))
    }

    /// Flips one byte of `file` at `offset` (negative counts from the end).
    private func flip(_ file: URL, at offset: Int) throws {
        var data = try Data(contentsOf: file)
        let index = offset >= 0 ? offset : data.count + offset
        data[index] ^= 0x01
        try data.write(to: file)
    }

    @Test func flippingAByteInAWARCRecordNamesTheRecord() async throws {
        let scratch = try Scratch()
        let (_, out) = try await exportedCase(scratch)
        let warcFolder = out.appendingPathComponent("warc")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: warcFolder.path).sorted().first)
        try flip(warcFolder.appendingPathComponent(name), at: -10)  // inside the last metadata record's JSON
        let report = try BundleVerifier().verify(out)
        #expect(!report.ok)
        #expect(report.firstBrokenLink?.location == "warc/\(name)")
        #expect(report.problems.contains { $0.location.contains("(metadata") && $0.what.contains("block digest") })
    }

    @Test func flippingAByteInTheManifestIsReported() async throws {
        let scratch = try Scratch()
        let (_, out) = try await exportedCase(scratch)
        let manifest = out.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let range = try #require(text.range(of: "http://b.example/"))
        try flip(manifest, at: text.utf8.distance(from: text.startIndex, to: range.lowerBound))
        let report = try BundleVerifier().verify(out)
        #expect(!report.ok)
        #expect(report.firstBrokenLink?.location == "manifest.json")
        #expect(report.firstBrokenLink?.what.contains("changed since export") == true)
    }

    @Test func flippingAByteInACustodyEntryNamesTheEntry() async throws {
        let scratch = try Scratch()
        let (_, out) = try await exportedCase(scratch)
        let custody = out.appendingPathComponent("custody.jsonl")
        let text = try String(contentsOf: custody, encoding: .utf8)
        let range = try #require(text.range(of: "\"actor\":\"test\""))  // in line 1
        try flip(custody, at: text.utf8.distance(from: text.startIndex, to: range.upperBound) - 3)
        let report = try BundleVerifier().verify(out)
        #expect(!report.ok)
        #expect(report.problems.contains { $0.location == "custody.jsonl" && $0.what.contains("SHA256SUMS") })
        #expect(report.problems.contains { $0.location == "custody.jsonl seq 2" && $0.what.contains("chain broken") })
    }

    @Test func flippingAByteInAStoredBodyFailsCaseVerification() async throws {
        let scratch = try Scratch()
        let caseID = try scratch.newCase()
        let capture = try await captureAndRecord(
            "http://a.example/",
            web: FakeFetcher(["http://a.example/": FakeFetcher.html("<p>original bytes</p>")]),
            scratch: scratch,
            caseID: caseID
        )
        let verifier = CaseVerifier(store: scratch.store, dataDirectory: scratch.data)
        #expect(try verifier.verify(caseID: caseID).ok)
        let store = ContentStore(dataDirectory: scratch.data)
        let digest = capture.exchanges[0].bodySHA256
        try flip(store.location(of: digest), at: 4)
        let report = try verifier.verify(caseID: caseID)
        #expect(!report.ok)
        #expect(report.firstBrokenLink?.location == store.relativePath(of: digest))
        #expect(report.firstBrokenLink?.what.contains("stored body of http://a.example/") == true)
    }

    @Test func flippingAByteInAStoredWARCFailsCaseVerification() async throws {
        let scratch = try Scratch()
        let caseID = try scratch.newCase()
        let capture = try await captureAndRecord(
            "http://a.example/",
            web: FakeFetcher(["http://a.example/": FakeFetcher.html("<p>original bytes</p>")]),
            scratch: scratch,
            caseID: caseID
        )
        try flip(scratch.data.appendingPathComponent(capture.warcFile), at: -40)
        let report = try CaseVerifier(store: scratch.store, dataDirectory: scratch.data).verify(caseID: caseID)
        #expect(report.firstBrokenLink?.location == capture.warcFile)
        #expect(report.firstBrokenLink?.what == "WARC file changed since capture")
    }

    @Test func refusesToExportIntoANonEmptyFolder() async throws {
        let scratch = try Scratch()
        let (caseID, out) = try await exportedCase(scratch)
        await #expect(throws: EvidenceError.self) {
            try await BundleExporter(store: scratch.store, dataDirectory: scratch.data, toolVersion: "t", actor: "t")
                .export(caseID: caseID, to: out)
        }
    }
}

@Suite struct BundleReadmeTests {
    @Test func theReadmeRecipesWorkOnAnExportedBundle() async throws {
        let scratch = try Scratch()
        let caseID = try scratch.newCase()
        let web = FakeFetcher(["http://a.example/": FakeFetcher.html("<p>copy</p>")])
        _ = try await captureAndRecord("http://a.example/", web: web, scratch: scratch, caseID: caseID)
        try scratch.store.appendCustody(actor: "a \"quoted\" actor", action: "resolve", object: "target:1", digest: "")
        _ = try await captureAndRecord("http://a.example/", web: web, scratch: scratch, caseID: caseID)
        let out = scratch.folder.appendingPathComponent("bundle")
        _ = try await BundleExporter(store: scratch.store, dataDirectory: scratch.data, toolVersion: "t", actor: "t")
            .export(caseID: caseID, to: out)
        let readme = try String(contentsOf: out.appendingPathComponent("README.txt"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.contains("prev=0000") })
        let end = try #require(lines.firstIndex { $0.contains("done < custody.jsonl") })
        let loop = lines[start...end].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
        let run = try Tools.run("bash", ["-c", loop + "\necho \"$prev\""], in: out)
        let manifest = try BundleManifest.decode(Data(contentsOf: out.appendingPathComponent("manifest.json")))
        #expect(run.status == 0 && !run.output.contains("BROKEN"), "\(run.output)")
        #expect(run.output.trimmingCharacters(in: .whitespacesAndNewlines) == manifest.custody.head)

        // The body recipe: warcio extract --payload at the response record's offset hashes to the manifest's digest.
        let body = try #require(manifest.bodies.first)
        let index = try Tools.run(
            try Tools.warcio(),
            ["index", "-f", "offset,warc-record-id", out.appendingPathComponent(body.warc).path]
        )
        let entry = try #require(
            index.output.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
            }.first { $0["warc-record-id"] == body.recordID }
        )
        let extract = try Tools.run(
            "bash",
            ["-c", "\(try Tools.warcio()) extract --payload \(body.warc) \(entry["offset"] ?? "") | sha256sum"],
            in: out
        )
        #expect(extract.output.hasPrefix(body.sha256), "\(extract.output)")
    }
}

@Suite struct BundleContentsTests {
    @Test func bundlesTheNewestProfileAndOtherModulesRecordsOfTheCase() async throws {
        let scratch = try Scratch()
        let caseID = try scratch.newCase()
        let otherCase = try scratch.newCase()
        let inserted = try scratch.store.addTargets([
            Target(
                caseID: caseID,
                submittedURL: "http://a.example/",
                canonicalURL: "http://a.example/",
                host: "a.example",
                registrableDomain: "a.example"
            ),
            Target(
                caseID: otherCase,
                submittedURL: "http://z.example/",
                canonicalURL: "http://z.example/",
                host: "z.example",
                registrableDomain: "z.example"
            ),
        ])
        let ids = inserted.compactMap { if case .added(let t) = $0 { return t.id } else { return nil } }
        let old = HostingProfile(
            url: "http://a.example/",
            canonicalUrl: "http://a.example/",
            host: "a.example",
            registrableDomain: "a.example",
            warnings: ["old"],
            resolvedAt: Date(timeIntervalSince1970: 1000)
        )
        var new = old
        new.warnings = ["new"]
        new.resolvedAt = Date(timeIntervalSince1970: 2000)
        try scratch.store.saveProfile(old, targetID: ids[0])
        try scratch.store.saveProfile(new, targetID: ids[0])
        // A table another module might add later: found by its targetId column, filtered to this case.
        try scratch.store.tamperForTests(
            sql: "CREATE TABLE later_module_record (id INTEGER PRIMARY KEY, targetId INTEGER, body TEXT)"
        )
        try scratch.store.tamperForTests(
            sql:
                "INSERT INTO later_module_record (targetId, body) VALUES (\(ids[0]), 'Dear host'), (\(ids[1]), 'other case')"
        )
        _ = try await captureAndRecord(
            "http://a.example/",
            web: FakeFetcher(["http://a.example/": FakeFetcher.html("x")]),
            scratch: scratch,
            caseID: caseID
        )
        let out = scratch.folder.appendingPathComponent("bundle")
        _ = try await BundleExporter(store: scratch.store, dataDirectory: scratch.data, toolVersion: "t", actor: "t")
            .export(caseID: caseID, to: out)
        let manifest = try BundleManifest.decode(Data(contentsOf: out.appendingPathComponent("manifest.json")))
        #expect(manifest.files.filter { $0.role == "profile" }.map(\.path) == ["profiles/target-\(ids[0]).json"])
        let profile =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("profiles/target-\(ids[0]).json"))
            ) as? [String: Any]
        #expect(profile?["warnings"] as? [String] == ["new"])
        let letters =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("records/later_module_record.json"))
            )
            as? [[String: String]]
        #expect(letters?.map { $0["body"] } == ["Dear host"])
        #expect(try BundleVerifier().verify(out).ok)
    }
}

@Suite struct BundleAdditionTests {
    @Test func aFileAddedToTheBundleAfterExportIsReported() async throws {
        let scratch = try Scratch()
        let caseID = try scratch.newCase()
        _ = try await captureAndRecord(
            "http://a.example/",
            web: FakeFetcher(["http://a.example/": FakeFetcher.html("x")]),
            scratch: scratch,
            caseID: caseID
        )
        let out = scratch.folder.appendingPathComponent("bundle")
        _ = try await BundleExporter(store: scratch.store, dataDirectory: scratch.data, toolVersion: "t", actor: "t")
            .export(caseID: caseID, to: out)
        try Data("forged\n".utf8).write(to: out.appendingPathComponent("warc/extra.warc"))
        let report = try BundleVerifier().verify(out)
        #expect(report.problems.map(\.location) == ["warc/extra.warc"])
        #expect(report.firstBrokenLink?.what.contains("not listed in SHA256SUMS") == true)
    }
}
