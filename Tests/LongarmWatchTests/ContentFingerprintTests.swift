import Foundation
import LongarmStore
import LongarmWatch
import Testing

@Suite struct ContentFingerprintTests {
    private let page = """
        <html><head><script>window.ads = [1,2,3];</script><style>p { color: red }</style></head><body>
        <h1>明星换脸视频 — Li Wei at the beach</h1>
        <video src="https://cdn.example.test/8841.mp4"></video>
        <p>This clip was uploaded on 3 March. It shows the actress Li Wei, whose face was swapped onto another body
        by an AI tool, walking on the beach. Comments are closed.</p><!-- served by node 7 -->
        </body></html>
        """

    private func judge(_ body: String, baseline: String) -> ContentVerdict {
        let original = Data(baseline.utf8)
        let judge = ContentJudge { _ in original }
        let base = LongarmStore.ContentBaseline(digest: "baseline", source: "capture:1", fingerprint: nil)
        return judge.judge(
            body: Data(body.utf8),
            digest: "other",
            contentType: "text/html",
            baseline: base,
            persist: false
        )
    }

    @Test func aPageWithChangedScriptsAndCountersStillHoldsTheContent() {
        let changed = page.replacingOccurrences(of: "[1,2,3]", with: "[9,8,7,6]")
            .replacingOccurrences(of: "node 7", with: "node 12")
            .replacingOccurrences(of: "Comments are closed.", with: "Comments are closed. 42 views.")
        let verdict = judge(changed, baseline: page)
        #expect(verdict.present)
        #expect(verdict.match.hasPrefix("similar:"))
        #expect(verdict.baselineUpdate?.fingerprint != nil, "the fingerprint computed once is stored")
    }

    @Test func aSoft404PageDoesNotHoldTheContent() {
        let notice =
            "<html><body><h1>Sorry</h1><p>This video has been removed for violating our terms.</p></body></html>"
        let verdict = judge(notice, baseline: page)
        #expect(!verdict.present)
        #expect(verdict.match.hasPrefix("changed:"))
    }

    @Test func theSameDigestIsPresentWithoutReadingAnyBody() {
        let judge = ContentJudge { _ in
            Issue.record("must not read the baseline")
            return nil
        }
        let base = LongarmStore.ContentBaseline(digest: "d1", source: "capture:1", fingerprint: nil)
        let verdict = judge.judge(body: Data(), digest: "d1", contentType: nil, baseline: base, persist: false)
        #expect(verdict.present && verdict.match == "same-digest" && verdict.baselineUpdate == nil)
    }

    @Test func withoutTheBaselineBodyAChangedPageIsNeverCalledGone() {
        let judge = ContentJudge { _ in nil }
        let base = LongarmStore.ContentBaseline(digest: "d1", source: "capture:1", fingerprint: nil)
        let verdict = judge.judge(body: Data("x".utf8), digest: "d2", contentType: nil, baseline: base, persist: false)
        #expect(verdict.present && verdict.match == "changed-unjudged")
    }

    @Test func aChangedVideoFileIsGone() {
        let video = Data([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70])
        let judge = ContentJudge { _ in video }
        let base = LongarmStore.ContentBaseline(digest: "d1", source: "capture:1", fingerprint: nil)
        let verdict = judge.judge(
            body: Data([0, 1, 2, 3]),
            digest: "d2",
            contentType: "video/mp4",
            baseline: base,
            persist: false
        )
        #expect(!verdict.present && verdict.match == "binary-changed")
    }

    @Test func theStoredFormRoundTrips() {
        let fingerprint = ContentFingerprint(body: Data(page.utf8), contentType: "text/html")
        #expect(!fingerprint.hashes.isEmpty)
        #expect(ContentFingerprint(data: fingerprint.data) == fingerprint)
    }
}
