import Crypto
import Foundation
import LongarmCore
import LongarmEvidence
import LongarmLetters
import LongarmStore
import LongarmWorkflow
import Testing

/// Evidence flows from the store into letters: captures fill the evidence section (so no `--draft` is needed
/// for it), and an exported bundle's manifest is attached to `.eml` letters.
struct LetterEvidenceTests {
    /// A case on disk with one planned target, a stored capture of it and, optionally, an exported bundle.
    struct Scene {
        var folder: URL
        var store: LongarmStore
        var caseFile: CaseFile
        var planned: [PlannedTarget]
        var capture: EvidenceCapture
        var bundle: URL?
    }

    static func scene(export: Bool) async throws -> Scene {
        let folder = try WorkflowFixtures.folder()
        let store = try LongarmStore(path: folder.appendingPathComponent("longarm.sqlite").path)
        let (caseFile, targets) = try WorkflowFixtures.storedCase(store, kind: .copyright, ownsWork: true)
        let caseID = try #require(caseFile.id)
        let outcome = try CasePlanning(planner: WorkflowFixtures.planner).planCase(caseFile, store: store)
        let planned = zip(targets, outcome.plans).map { PlannedTarget(target: $0, plan: $1.plan, planID: $1.id) }
        let capturer = EvidenceCapturer(
            fetcher: SyntheticFetcher(bodySize: 4_096),
            configuration: CaptureConfiguration(toolVersion: "longarm/test", allowPrivateTargets: true)
        )
        let page = try await capturer.capture(url: targets[0].canonicalURL)
        let capture = try await EvidenceRecorder(store: store, dataDirectory: folder, actor: "tester").record(
            page,
            caseID: caseID,
            targetID: targets[0].id
        )
        var bundle: URL?
        if export {
            let destination = folder.appendingPathComponent("bundle")
            _ = try await BundleExporter(
                store: store,
                dataDirectory: folder,
                toolVersion: "longarm/test",
                actor: "tester"
            )
            .export(caseID: caseID, to: destination)
            bundle = destination
        }
        return Scene(
            folder: folder,
            store: store,
            caseFile: caseFile,
            planned: planned,
            capture: capture,
            bundle: bundle
        )
    }

    static func write(_ scene: Scene, formats: [LetterFormat], bundle: URL?) throws -> (LetterIndex, URL) {
        let evidence = try CaseEvidence.summaries(
            for: scene.caseFile,
            targets: scene.planned.map(\.target),
            store: scene.store,
            bundle: bundle
        )
        let out = scene.folder.appendingPathComponent("letters-\(UUID().uuidString.prefix(6))")
        let writing = LetterWriting(
            composer: LetterComposer(library: try WorkflowFixtures.library(), book: WorkflowFixtures.book),
            options: LetterOptions(formats: formats, date: WorkflowFixtures.date),
            actor: "tester"
        )
        let index = try writing.write(
            caseFile: scene.caseFile,
            targets: scene.planned,
            evidence: evidence,
            to: out,
            store: scene.store,
            now: WorkflowFixtures.date
        )
        return (index, out)
    }

    @Test func capturesFillTheEvidenceSectionSoNoDraftIsNeeded() async throws {
        let scene = try await Self.scene(export: false)
        defer { try? FileManager.default.removeItem(at: scene.folder) }
        let (index, out) = try Self.write(scene, formats: [.txt], bundle: nil)
        #expect(!index.letters.isEmpty)
        let last = try #require(scene.capture.exchanges.last)
        for entry in index.letters {
            #expect(!entry.draft, "\(entry.file) is a draft: \(entry.missing)")
            #expect(!entry.missing.contains { $0.fields == ["evidence"] })
            let text = try String(contentsOf: out.appendingPathComponent(entry.file), encoding: .utf8)
            #expect(text.contains(last.bodySHA256))
            #expect(text.contains("127.0.0.1:80"))
            #expect(text.contains(String(scene.capture.capturedAt.prefix(19)) + "Z"))
        }
    }

    @Test func withoutCapturesTheSameLettersNeedEvidence() async throws {
        let folder = try WorkflowFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try LongarmStore(path: folder.appendingPathComponent("longarm.sqlite").path)
        let (caseFile, targets) = try WorkflowFixtures.storedCase(store, kind: .copyright, ownsWork: true)
        let evidence = try CaseEvidence.summaries(for: caseFile, targets: targets, store: store)
        #expect(evidence.isEmpty)
    }

    @Test func emlLettersAttachTheExportedManifestAndPythonReadsItBack() async throws {
        let scene = try await Self.scene(export: true)
        defer { try? FileManager.default.removeItem(at: scene.folder) }
        let bundle = try #require(scene.bundle)
        let (index, out) = try Self.write(scene, formats: [.eml], bundle: bundle)
        let manifest = try Data(contentsOf: bundle.appendingPathComponent("manifest.json"))
        let emails = index.letters.filter { $0.format == "eml" }
        #expect(!emails.isEmpty)
        for entry in emails {
            let parsed = try MailParser.parse(out.appendingPathComponent(entry.file))
            #expect(parsed.defects == 0)
            #expect(parsed.type == "multipart/mixed")
            #expect(parsed.parts.map(\.type) == ["text/plain", "text/html", "application/json"])
            let attachment = try #require(parsed.parts.last)
            #expect(attachment.filename == "manifest.json")
            #expect(attachment.disposition == "attachment")
            #expect(Data(base64Encoded: attachment.payload) == manifest)
            #expect(parsed.parts[0].text?.contains("manifest.json") == true)
            let digest = try #require(scene.capture.exchanges.last).bodySHA256
            #expect(parsed.parts[0].text?.contains(digest) == true)
        }
    }

    @Test func withoutABundleEmlLettersCarryNoAttachment() async throws {
        let scene = try await Self.scene(export: false)
        defer { try? FileManager.default.removeItem(at: scene.folder) }
        let (index, out) = try Self.write(scene, formats: [.eml], bundle: nil)
        let entry = try #require(index.letters.first { $0.format == "eml" })
        let parsed = try MailParser.parse(out.appendingPathComponent(entry.file))
        #expect(parsed.type == "multipart/alternative")
        #expect(!parsed.parts.contains { $0.filename != nil })
    }

    @Test func aBundleThatIsNotTheExportedOneIsRefusedByName() async throws {
        let scene = try await Self.scene(export: true)
        defer { try? FileManager.default.removeItem(at: scene.folder) }
        let bundle = try #require(scene.bundle)
        let file = bundle.appendingPathComponent("manifest.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "longarm/test", with: "longarm/edited")
        try Data(text.utf8).write(to: file)
        #expect {
            _ = try CaseEvidence.summaries(
                for: scene.caseFile,
                targets: scene.planned.map(\.target),
                store: scene.store,
                bundle: bundle
            )
        } throws: { error in
            "\(error)".contains("\(bundle.path): manifest.json") && "\(error)".contains("custody log")
        }
        var other = scene.caseFile
        other.id = 99
        #expect {
            _ = try CaseEvidence.summaries(for: other, targets: [], store: scene.store, bundle: bundle)
        } throws: { error in
            "\(error)".contains("not case 99")
        }
        let empty = scene.folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect {
            _ = try CaseEvidence.summaries(for: scene.caseFile, targets: [], store: scene.store, bundle: empty)
        } throws: { error in
            "\(error)".contains("\(empty.path): no manifest.json")
        }
    }

    @Test func everyLetterFileHasACustodyEntryWithItsDigest() async throws {
        let scene = try await Self.scene(export: false)
        defer { try? FileManager.default.removeItem(at: scene.folder) }
        let (index, out) = try Self.write(scene, formats: [.txt, .md], bundle: nil)
        let caseID = try #require(scene.caseFile.id)
        let letters = try scene.store.letters(caseID: caseID)
        #expect(letters.count == index.letters.count)
        let log = try scene.store.custodyLog().map(\.entry).filter { $0.action == "letter" }
        #expect(log.count == letters.count)
        for (entry, record) in zip(log, letters) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: record.path))
            let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            let id = try #require(record.id)
            #expect(entry.object == "letter:\(id)")
            #expect(entry.digest == digest)
            #expect(entry.actor == "tester")
        }
        #expect(
            index.letters.allSatisfy {
                FileManager.default.fileExists(atPath: out.appendingPathComponent($0.file).path)
            }
        )
    }
}
