import Crypto
package import Foundation
import LongarmCore

/// Remembers the frames a worker has already encoded and hashed, so that a frame seen again costs a dictionary
/// lookup instead of an encoding and a SHA-256; one cache per thread at a time (it is a value, not shared).
package struct PlanFragmentCache: Sendable {
    /// A frame met for the first time by this cache: the bytes to store in `plan_fragment` under their digest.
    package struct Blob: Sendable, Hashable {
        /// SHA-256 of ``json``, lower-case hex: the fragment's key.
        package var sha256: String
        /// The frame's canonical JSON (sorted keys, as the plan JSON writes it).
        package var json: Data
    }

    /// A frame already met and its digest; a class, so that scanning a bucket retains a reference instead of
    /// copying every field of each frame it looks at.
    private final class KnownFrame: Sendable {
        let frame: RungFrame
        let digest: String

        init(_ frame: RungFrame, _ digest: String) {
            self.frame = frame
            self.digest = digest
        }
    }

    private var buckets: [Int: [KnownFrame]] = [:]
    private var plans: [PlanFrame: String] = [:]

    /// An empty cache.
    package init() {}

    /// The digest of the frame of `rung` and what the row keeps of it, for the target named by `names`. A frame
    /// met before is found by comparing the rung with it in place (equal frames always fall in the same bucket);
    /// only a new one is built, encoded and hashed.
    mutating func frame(
        of rung: borrowing NoticeRung,
        names: TargetNames,
        new: inout [Blob]
    ) -> (String, RungFrame.Own) {
        let shape = RungFrame.Shape(rung, names: names)
        let key = Self.bucket(rung, shape)
        if let known = buckets[key]?.first(where: { $0.frame.matches(rung, shape: shape) }) {
            return (known.digest, shape.own(of: rung))
        }
        let (frame, own) = RungFrame.split(rung, shape: shape)
        var writer = PlanJSONWriter()
        writer.rungFrame(frame)
        let blob = Blob(writer.bytes)
        new.append(blob)
        buckets[key, default: []].append(KnownFrame(frame, blob.sha256))
        return (blob.sha256, own)
    }

    /// A bucket number from a few fields that differ between most frames; frames in one bucket are told apart by
    /// ``RungFrame/matches(_:shape:)``.
    private static func bucket(_ rung: NoticeRung, _ shape: RungFrame.Shape) -> Int {
        var key = rung.step &* 31 &+ rung.role.hashValue
        key = key &* 31 &+ (rung.country?.rawValue.hashValue ?? 0)
        key = key &* 31 &+ Int(truncatingIfNeeded: shape.ownSentences)
        key = key &* 31 &+ (shape.partyOwn ? 1 : 2) &+ (shape.channelOwn ? 4 : 8)
        key = key &* 31 &+ rung.legalBasis.count &* 7 &+ rung.rationale.count
        if !shape.partyOwn { key = key &* 31 &+ rung.party.name.utf8.count }
        return key
    }

    /// The digest of `frame`, encoding and hashing it only the first time; a new frame is added to `new`.
    mutating func digest(of frame: PlanFrame, new: inout [Blob]) -> String {
        if let known = plans[frame] { return known }
        var writer = PlanJSONWriter()
        writer.planFrame(frame)
        let blob = Blob(writer.bytes)
        plans[frame] = blob.sha256
        new.append(blob)
        return blob.sha256
    }
}

extension PlanFragmentCache.Blob {
    init(_ bytes: [UInt8]) {
        json = Data(bytes)
        sha256 = SHA256.hash(data: json).hexString
    }
}

// A plan frame hashes only a few short fields (hashing every requirement and fast lane cost more than encoding
// them), while equality still compares the whole value: a collision costs a comparison, never a wrong digest.
// Written here, beside the only dictionary that hashes plan frames. (Rung frames are found through
// `PlanFragmentCache.bucket` and `RungFrame.matches(_:shape:)` instead.)

extension PlanFrame {
    func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(lawCountry)
        hasher.combine(lawSource)
        hasher.combine(regime)
        hasher.combine(fastLanes.count)
        hasher.combine(missingFromHolder.count)
        hasher.combine(warnings.count)
        if let first = missingFromHolder.first {
            hasher.combine(first.jurisdiction)
            hasher.combine(first.element)
        }
    }
}
