import Crypto
package import Foundation
import LongarmCore

/// Remembers the frames a worker has already encoded and hashed, so that a frame seen again costs a dictionary
/// lookup instead of an encoding and a SHA-256; one cache per thread (it is a value, not shared).
package struct PlanFragmentCache: Sendable {
    /// A frame met for the first time by this cache: the bytes to store in `plan_fragment` under their digest.
    package struct Blob: Sendable, Hashable {
        /// SHA-256 of ``json``, lower-case hex: the fragment's key.
        package var sha256: String
        /// The frame's canonical JSON (sorted keys, as the plan JSON writes it).
        package var json: Data
    }

    private var rungs: [CheapKey<RungFrame>: String] = [:]
    private var plans: [CheapKey<PlanFrame>: String] = [:]

    /// An empty cache.
    package init() {}

    /// The digest of `frame`, encoding and hashing it only the first time; a new frame is added to `new`.
    mutating func digest(of frame: RungFrame, new: inout [Blob]) -> String {
        let key = CheapKey(frame)
        if let known = rungs[key] { return known }
        var writer = PlanJSONWriter()
        writer.rungFrame(frame)
        let blob = Blob(writer.bytes)
        rungs[key] = blob.sha256
        new.append(blob)
        return blob.sha256
    }

    /// The digest of `frame`, as ``digest(of:new:)-(RungFrame,_)``.
    mutating func digest(of frame: PlanFrame, new: inout [Blob]) -> String {
        let key = CheapKey(frame)
        if let known = plans[key] { return known }
        var writer = PlanJSONWriter()
        writer.planFrame(frame)
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

/// A dictionary key that hashes only a few short fields of a frame (hashing every legal basis and note of every
/// rung cost more than encoding it), while equality still compares the whole value: a collision costs a
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

extension RungFrame: CheapHashable {
    fileprivate func cheapHash(into hasher: inout Hasher) {
        hasher.combine(role)
        hasher.combine(step)
        hasher.combine(country)
        hasher.combine(regime)
        hasher.combine(legalBasis.count)
        hasher.combine(rationale.count)
        hasher.combine(deadline?.duration)
        if let basis = legalBasis.first {
            hasher.combine(basis.instrument)
            hasher.combine(basis.article)
        }
        hasher.combine(channel?.address)
        hasher.combine(party?.name)
        hasher.combine(party?.abuseEmail)
        hasher.combine(rationale.first??.utf8.count)
    }
}

extension PlanFrame: CheapHashable {
    fileprivate func cheapHash(into hasher: inout Hasher) {
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
