public import Foundation
public import LongarmStore

/// How a served body compares with the content the target's checks look for.
public struct ContentVerdict: Sendable, Hashable {
    /// Whether the captured content is still served.
    public var present: Bool
    /// How it was decided: `same-digest`, `similar:0.83`, `changed:0.10`, `binary-changed`, `changed-unjudged`,
    /// `no-baseline`.
    public var match: String
    /// A baseline to store with the check: a new one, or the same one with its fingerprint now computed.
    public var baselineUpdate: LongarmStore.ContentBaseline?
}

/// Judges whether a served page still holds the captured content (docs/watch.md, "Is the content still there?").
///
/// The baseline is the newest evidence capture's final body (else the first body a check saw). The same digest
/// means present. A different body is compared by fingerprint: present while at least `threshold` of the
/// baseline's sampled features (text shingles and media links) are still there. A changed binary body means the
/// captured bytes are gone. When the baseline's body cannot be read, a changed page counts as present: a removal
/// is never concluded without evidence.
public struct ContentJudge: Sendable {
    /// The least share of the baseline's features a page must keep to count as still holding the content.
    public var threshold: Double
    /// Reads a baseline body by digest (the evidence content store); `nil` when it is not available.
    public var baselineBody: @Sendable (String) -> Data?

    /// Creates a judge.
    public init(threshold: Double = 0.5, baselineBody: @escaping @Sendable (String) -> Data?) {
        self.threshold = threshold
        self.baselineBody = baselineBody
    }

    /// Judges `body` (with `digest`) against `baseline`; `persist` asks that the baseline be stored with the check
    /// even when nothing about it changes here (it came from a new capture).
    public func judge(
        body: Data,
        digest: String,
        contentType: String?,
        baseline: LongarmStore.ContentBaseline?,
        persist: Bool
    ) -> ContentVerdict {
        guard var baseline else {
            let fingerprint = ContentFingerprint(body: body, contentType: contentType)
            return ContentVerdict(
                present: true,
                match: "no-baseline",
                baselineUpdate: LongarmStore.ContentBaseline(
                    digest: digest,
                    source: "check",
                    fingerprint: fingerprint.data
                )
            )
        }
        if digest == baseline.digest {
            return ContentVerdict(present: true, match: "same-digest", baselineUpdate: persist ? baseline : nil)
        }
        var update: LongarmStore.ContentBaseline? = persist ? baseline : nil
        let fingerprint: ContentFingerprint
        if let stored = baseline.fingerprint.flatMap(ContentFingerprint.init(data:)) {
            fingerprint = stored
        } else if let original = baselineBody(baseline.digest) {
            fingerprint = ContentFingerprint(body: original, contentType: nil)
            baseline.fingerprint = fingerprint.data
            update = baseline
        } else {
            return ContentVerdict(present: true, match: "changed-unjudged", baselineUpdate: update)
        }
        guard let share = fingerprint.containment(in: ContentFingerprint.features(of: body, contentType: contentType))
        else {
            return ContentVerdict(present: false, match: "binary-changed", baselineUpdate: update)
        }
        let rounded = String(format: "%.2f", share)
        return share >= threshold
            ? ContentVerdict(present: true, match: "similar:\(rounded)", baselineUpdate: update)
            : ContentVerdict(present: false, match: "changed:\(rounded)", baselineUpdate: update)
    }
}
