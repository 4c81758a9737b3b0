import Foundation
import LongarmCore
import LongarmEvidence
import LongarmStore
import Testing

/// A bundle's plan records are tied to its custody log: a forger who rewrites a plan row or a shared frame and
/// then SHA256SUMS and the manifest to match is still caught.
@Suite struct BundlePlanRecordTests {
    /// A case with one planned target, exported to a folder.
    private func exportedPlan(_ scratch: borrowing Scratch) async throws -> (URL, Int64) {
        let caseID = try scratch.newCase()
        let added = try scratch.store.addTargets([
            Target(
                caseID: caseID,
                submittedURL: "http://a.example/v/1",
                canonicalURL: "http://a.example/v/1",
                host: "a.example",
                registrableDomain: "a.example"
            )
        ])
        guard case .added(let target) = try #require(added.first) else {
            Issue.record("target not added")
            throw CancellationError()
        }
        let targetID = try #require(target.id)
        let profile = HostingProfile(
            url: "http://a.example/v/1",
            canonicalUrl: "http://a.example/v/1",
            host: "a.example",
            registrableDomain: "a.example",
            resolvedAt: Date(timeIntervalSince1970: 1_780_000_000)
        )
        let stored = try scratch.store.saveProfile(profile, targetID: targetID)
        let rung = NoticeRung(
            step: 1,
            role: .siteOperator,
            party: NoticeParty(name: "the operator of a.example", identifiedBy: "the URL's domain"),
            channel: NoticeChannel(kind: .email, address: "abuse@host.example", confidence: .known),
            country: CountryCode(lenient: "DE"),
            regime: "statutory-takedown",
            legalBasis: [LegalBasis(instrument: "DSA", article: "Art. 16")],
            requiredElements: [NoticeElement("identify-material-url")],
            deadline: nil,
            escalation: "after 7 days",
            languages: ["de", "en"],
            rationale: ["the operator of a.example can remove it", "a rule sentence shared by every target"],
            parallel: false
        )
        let plan = NoticePlan(
            url: "http://a.example/v/1",
            kind: .portrait,
            lawCountry: CountryCode(lenient: "DE"),
            lawSource: .originHost,
            regime: "statutory-takedown",
            rungs: [rung],
            missingFromHolder: [],
            fastLanes: [],
            warnings: [],
            profileResolvedAt: profile.resolvedAt
        )
        let saved = try scratch.store.savePlan(plan, targetID: targetID, profileID: stored.id)
        let out = scratch.folder.appendingPathComponent("bundle")
        _ = try await BundleExporter(store: scratch.store, dataDirectory: scratch.data, toolVersion: "t", actor: "t")
            .export(caseID: caseID, to: out)
        return (out, saved.id)
    }

    /// Replaces `old` by `new` in `file` of the bundle, then rewrites the manifest's digest of the file and
    /// SHA256SUMS as a forger would.
    private func forge(_ bundle: URL, file: String, replacing old: String, with new: String) throws {
        let url = bundle.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        let changed = Data(text.replacingOccurrences(of: old, with: new).utf8)
        try changed.write(to: url)
        let manifestURL = bundle.appendingPathComponent("manifest.json")
        var manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any]
        )
        var files = try #require(manifest["files"] as? [[String: Any]])
        for index in files.indices where files[index]["path"] as? String == file {
            files[index]["sha256"] = EvidenceDigest.hex(changed)
        }
        manifest["files"] = files
        let manifestData = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        try manifestData.write(to: manifestURL)
        let sumsURL = bundle.appendingPathComponent("SHA256SUMS")
        let lines = try String(contentsOf: sumsURL, encoding: .utf8).split(separator: "\n").map { line in
            let path = String(line.split(separator: " ", maxSplits: 1)[1]).trimmingCharacters(in: ["*", " "])
            let data = path == file ? changed : (path == "manifest.json" ? manifestData : nil)
            return data.map { "\(EvidenceDigest.hex($0))  \(path)" } ?? String(line)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: sumsURL)
    }

    @Test func anUntouchedBundleWithPlansVerifies() async throws {
        let scratch = try Scratch()
        let (bundle, _) = try await exportedPlan(scratch)
        #expect(FileManager.default.fileExists(atPath: bundle.appendingPathComponent("records/plan.json").path))
        let report = try BundleVerifier().verify(bundle)
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func aRewrittenPlanRowIsCaughtByItsCustodyEntry() async throws {
        let scratch = try Scratch()
        let (bundle, planID) = try await exportedPlan(scratch)
        try forge(bundle, file: "records/plan.json", replacing: "the operator of a.example", with: "nobody")
        let report = try BundleVerifier().verify(bundle)
        #expect(report.problems.map(\.location) == ["records/plan.json plan \(planID)"])
    }

    @Test func aRewrittenFrameIsCaughtByItsKey() async throws {
        let scratch = try Scratch()
        let (bundle, _) = try await exportedPlan(scratch)
        try forge(bundle, file: "records/plan_fragment.json", replacing: "after 7 days", with: "never")
        let report = try BundleVerifier().verify(bundle)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.what == "plan fragment record differs from its key")
    }
}
