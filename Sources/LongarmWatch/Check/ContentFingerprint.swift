public import Foundation

/// What a page says, as a small sample of hashed features, so that a changed page can be compared with the
/// captured one without keeping either body in memory.
///
/// Features are 3-word shingles of the visible text (scripts, styles, comments and tags removed; each CJK character
/// counts as a word) and the values of `src`, `href`, `poster`, `data-src` and `content` attributes, which name the
/// media a page embeds. The fingerprint keeps the `sampleSize` smallest feature hashes (a bottom-k sample): the share
/// of them found in another page's features estimates how much of the captured content that page still contains.
public struct ContentFingerprint: Sendable, Hashable {
    /// How many feature hashes a fingerprint keeps.
    public static let sampleSize = 256

    /// The sample: sorted, distinct feature hashes.
    public var hashes: [UInt64]

    /// The fingerprint of a body; empty when the body is not text (a video, an image).
    public init(body: Data, contentType: String?) {
        let features = Self.features(of: body, contentType: contentType)
        hashes = Array(features.sorted().prefix(Self.sampleSize))
    }

    /// Restores a stored fingerprint.
    public init?(data: Data) {
        guard data.count % 8 == 0 else { return nil }
        hashes = stride(from: 0, to: data.count, by: 8).map { offset in
            data[data.startIndex + offset..<data.startIndex + offset + 8].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        }
    }

    /// The stored form: each hash as 8 big-endian bytes.
    public var data: Data {
        var bytes = Data(capacity: hashes.count * 8)
        for hash in hashes {
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: hash >> UInt64(shift)))
            }
        }
        return bytes
    }

    /// The share of this fingerprint's sample found in `features`; `nil` when the fingerprint is empty.
    public func containment(in features: Set<UInt64>) -> Double? {
        guard !hashes.isEmpty else { return nil }
        return Double(hashes.filter(features.contains).count) / Double(hashes.count)
    }

    /// Every feature hash of a body; empty when it is not text.
    public static func features(of body: Data, contentType: String?) -> Set<UInt64> {
        guard isText(body: body, contentType: contentType) else { return [] }
        let text = String(decoding: body, as: UTF8.self)
        var features: Set<UInt64> = []
        let (visible, links) = HTMLText.split(text)
        for link in links { features.insert(fnv("link:" + link)) }
        let words = HTMLText.words(visible)
        if words.count < 3 {
            for word in words { features.insert(fnv("word:" + word)) }
        } else {
            for index in 0...(words.count - 3) {
                features.insert(fnv(words[index] + " " + words[index + 1] + " " + words[index + 2]))
            }
        }
        return features
    }

    static func isText(body: Data, contentType: String?) -> Bool {
        if let type = contentType?.lowercased() {
            if type.hasPrefix("text/") || type.contains("html") || type.contains("xml") || type.contains("json") {
                return true
            }
            if type.hasPrefix("image/") || type.hasPrefix("video/") || type.hasPrefix("audio/") { return false }
        }
        return !body.prefix(4096).contains(0)
    }

    // FNV-1a, 64 bit: stable across runs and platforms, unlike Swift's seeded Hasher.
    static func fnv(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
