import Crypto
package import Foundation
import LongarmCore

/// The part of a rung that comes from the rules table and the provider registry rather than from the target
/// (the law, and the channel of a known provider): the same for every target whose content falls under the same
/// rule and provider, so it is stored once (in `plan_fragment`) and named by digest.
struct RungFragment: Sendable, Codable, Hashable {
    var channel: NoticeChannel
    var deadline: NoticeDeadline?
    var escalation: String
    var languages: [String]
    var legalBasis: [LegalBasis]
    var regime: String?
    var requiredElements: [NoticeElement]

    init(_ rung: NoticeRung) {
        channel = rung.channel
        deadline = rung.deadline
        escalation = rung.escalation
        languages = rung.languages
        legalBasis = rung.legalBasis
        regime = rung.regime
        requiredElements = rung.requiredElements
    }
}

/// The plan-wide part that comes from the rules table: the fast lanes and what the holder must supply.
struct PlanFragment: Sendable, Codable, Hashable {
    var fastLanes: [String]
    var missingFromHolder: [HolderRequirement]

    init(_ plan: NoticePlan) {
        fastLanes = plan.fastLanes
        missingFromHolder = plan.missingFromHolder
    }
}

/// Remembers the fragments a worker has already encoded and hashed, so that a fragment seen again costs one
/// comparison instead of an encoding and a SHA-256; one cache per thread (it is a value, not shared).
package struct PlanFragmentCache: Sendable {
    /// A fragment met for the first time by this cache: the bytes to store under their digest.
    package struct Blob: Sendable, Hashable {
        /// SHA-256 of ``json``, lower-case hex: the fragment's key.
        package var sha256: String
        /// The fragment's canonical JSON (sorted keys, as the plan JSON writes it).
        package var json: Data
    }

    private var rungs: [CheapKey<RungFragment>: String] = [:]
    private var plans: [CheapKey<PlanFragment>: String] = [:]

    /// An empty cache.
    package init() {}

    /// The digest of `fragment`, encoding and hashing it only the first time; a new fragment is added to `new`.
    mutating func digest(of fragment: RungFragment, new: inout [Blob]) -> String {
        let key = CheapKey(fragment)
        if let known = rungs[key] { return known }
        var writer = PlanJSONWriter()
        writer.rungFragment(fragment)
        let blob = Blob(writer.bytes)
        rungs[key] = blob.sha256
        new.append(blob)
        return blob.sha256
    }

    /// The digest of `fragment`, as ``digest(of:new:)-(RungFragment,_)``.
    mutating func digest(of fragment: PlanFragment, new: inout [Blob]) -> String {
        let key = CheapKey(fragment)
        if let known = plans[key] { return known }
        var writer = PlanJSONWriter()
        writer.planFragment(fragment)
        let blob = Blob(writer.bytes)
        plans[key] = blob.sha256
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

/// A dictionary key that hashes only a few short fields of a fragment (hashing every legal basis and note of
/// every rung cost more than encoding it), while equality still compares the whole value: a collision costs a
/// comparison, never a wrong digest.
private struct CheapKey<Value: Hashable & Sendable & CheapHashable>: Hashable, Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
    static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
    func hash(into hasher: inout Hasher) { value.cheapHash(into: &hasher) }
}

private protocol CheapHashable {
    func cheapHash(into hasher: inout Hasher)
}

extension RungFragment: CheapHashable {
    fileprivate func cheapHash(into hasher: inout Hasher) {
        hasher.combine(legalBasis.count)
        hasher.combine(requiredElements.count)
        hasher.combine(regime)
        hasher.combine(languages)
        hasher.combine(deadline?.duration)
        for basis in legalBasis.prefix(2) {
            hasher.combine(basis.instrument)
            hasher.combine(basis.article)
        }
        hasher.combine(escalation.utf8.count)
        hasher.combine(channel.address)
    }
}

extension PlanFragment: CheapHashable {
    fileprivate func cheapHash(into hasher: inout Hasher) {
        hasher.combine(fastLanes.count)
        hasher.combine(missingFromHolder.count)
        hasher.combine(fastLanes.first?.utf8.count)
        if let first = missingFromHolder.first {
            hasher.combine(first.jurisdiction)
            hasher.combine(first.element)
            hasher.combine(first.reason.utf8.count)
        }
    }
}

extension Digest {
    /// The digest as lower-case hex.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(Self.byteCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
