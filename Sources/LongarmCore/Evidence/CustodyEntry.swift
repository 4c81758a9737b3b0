public import Foundation

/// One link of the chain-of-custody log: who did what to which object, and the hash of the link before.
///
/// The log is append-only. Each entry's `prev` is the SHA-256 (hex) of the previous entry's
/// ``canonicalSerialization``; the first entry's `prev` is ``genesisPrev``. Changing any byte of an entry
/// therefore breaks the link to the entry after it.
public struct CustodyEntry: Sendable, Codable, Hashable {
    /// Position in the log, from 1, without gaps.
    public var seq: Int64
    /// When the action happened: UTC, ISO 8601 with milliseconds (see ``CustodyEntry/timestamp(_:)``).
    public var time: String
    /// Who acted: `longarm/0.1.0 (user@host)`, a module name, an operator.
    public var actor: String
    /// What was done: `capture`, `export`, `timestamp`, `resolve`, `plan`, `letter`, `recheck` …
    public var action: String
    /// What it was done to: `capture:12`, `case:3`, `bundle:manifest.json` …
    public var object: String
    /// SHA-256 (hex) of the object's bytes at that moment, or empty when the action has no content.
    public var digest: String
    /// SHA-256 (hex) of the previous entry's canonical serialisation.
    public var prev: String

    /// The `prev` of the first entry: 64 zeros.
    public static let genesisPrev = String(repeating: "0", count: 64)

    /// Creates an entry.
    public init(seq: Int64, time: String, actor: String, action: String, object: String, digest: String, prev: String) {
        self.seq = seq
        self.time = time
        self.actor = actor
        self.action = action
        self.object = object
        self.digest = digest
        self.prev = prev
    }

    /// The exact bytes that are hashed: one line of JSON, keys in the fixed order seq, time, actor, action,
    /// object, digest, prev; no spaces; `"` and `\` escaped with a backslash and every control character as
    /// `\u00XX`; other characters as UTF-8. `custody.jsonl` holds these lines.
    public var canonicalSerialization: String {
        var line = "{\"seq\":\(seq)"
        for (key, value) in [
            ("time", time), ("actor", actor), ("action", action), ("object", object), ("digest", digest),
            ("prev", prev),
        ] {
            line += ",\"\(key)\":\"\(Self.escape(value))\""
        }
        return line + "}"
    }

    /// ``canonicalSerialization`` as UTF-8 bytes, written straight into a byte buffer: every custody append
    /// hashes it, and building the `String` first cost more than the hash.
    public var canonicalBytes: [UInt8] {
        var bytes: [UInt8] = []
        appendCanonicalBytes(to: &bytes)
        return bytes
    }

    /// Appends ``canonicalBytes`` to `bytes`, so that a caller hashing many entries can reuse one buffer.
    public func appendCanonicalBytes(to bytes: inout [UInt8]) {
        bytes.reserveCapacity(
            bytes.count + 96 + time.utf8.count + actor.utf8.count + action.utf8.count + object.utf8.count
                + digest.utf8.count + prev.utf8.count
        )
        bytes.append(contentsOf: #"{"seq":"#.utf8)
        Self.appendDecimal(seq, to: &bytes)
        Self.append(field: #","time":""#, time, to: &bytes)
        Self.append(field: #"","actor":""#, actor, to: &bytes)
        Self.append(field: #"","action":""#, action, to: &bytes)
        Self.append(field: #"","object":""#, object, to: &bytes)
        Self.append(field: #"","digest":""#, digest, to: &bytes)
        Self.append(field: #"","prev":""#, prev, to: &bytes)
        bytes.append(contentsOf: #""}"#.utf8)
    }

    private static func append(field key: StaticString, _ value: String, to bytes: inout [UInt8]) {
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        if isPlain(value) {
            bytes.append(contentsOf: value.utf8)
        } else {
            bytes.append(contentsOf: escape(value).utf8)
        }
    }

    /// True when no byte of `text` needs an escape, as most fields: one branch-free pass over the string's bytes
    /// finds out (the generic `contains(where:)` over the UTF-8 view was a visible cost of storing many plans).
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            var flagged: UInt8 = 0
            for byte in utf8 { flagged |= needsEscape(byte) ? 1 : 0 }
            return flagged == 0
        } ?? !text.utf8.contains(where: needsEscape)
    }

    /// `value` in decimal, as `String(value)` writes it.
    private static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // At most 19 digits, collected last first.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[index]) }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    /// Formats `date` the way custody entries and capture records write time: `2026-11-25T18:49:56.123Z`.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
        )
    }

    private static func escape(_ text: String) -> String {
        // Most fields need no escape at all: skip building a copy.
        if isPlain(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
