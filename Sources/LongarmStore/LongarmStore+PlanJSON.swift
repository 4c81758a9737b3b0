public import Foundation
public import LongarmCore

extension LongarmStore {
    /// Writes a plan as the bytes ``jsonEncoder`` would (sorted keys, ISO 8601 dates, `/` escaped, `nil` left
    /// out), directly into a byte buffer: storing 100,000 plans spent most of its processor time in
    /// `JSONEncoder`. A test compares the output with `JSONEncoder`'s byte for byte on the golden plans.
    public static func planJSON(_ plan: NoticePlan) -> Data {
        var writer = PlanJSONWriter()
        writer.reserve(8_192)
        writer.plan(plan)
        return Data(writer.bytes)
    }
}

/// The byte writer behind ``LongarmStore/planJSON(_:)``; keys are written in sorted order by hand.
struct PlanJSONWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    mutating func plan(_ plan: NoticePlan) {
        var object = ObjectState()
        key("fastLanes", &object)
        strings(plan.fastLanes)
        key("kind", &object)
        string(plan.kind.rawValue)
        if let country = plan.lawCountry {
            key("lawCountry", &object)
            string(country.rawValue)
        }
        key("lawSource", &object)
        string(plan.lawSource.rawValue)
        key("missingFromHolder", &object)
        array(plan.missingFromHolder) { writer, item in writer.requirement(item) }
        key("profileResolvedAt", &object)
        string(StoreDate.iso8601(plan.profileResolvedAt))
        if let regime = plan.regime {
            key("regime", &object)
            string(regime)
        }
        key("rungs", &object)
        array(plan.rungs) { writer, rung in writer.rung(rung) }
        key("url", &object)
        string(plan.url)
        key("warnings", &object)
        strings(plan.warnings)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func rung(_ rung: NoticeRung) {
        var object = ObjectState()
        key("channel", &object)
        channel(rung.channel)
        if let country = rung.country {
            key("country", &object)
            string(country.rawValue)
        }
        if let deadline = rung.deadline {
            key("deadline", &object)
            self.deadline(deadline)
        }
        key("escalation", &object)
        string(rung.escalation)
        key("languages", &object)
        strings(rung.languages)
        key("legalBasis", &object)
        array(rung.legalBasis) { writer, basis in writer.legalBasis(basis) }
        key("parallel", &object)
        literal(rung.parallel ? "true" : "false")
        key("party", &object)
        party(rung.party)
        key("rationale", &object)
        strings(rung.rationale)
        if let regime = rung.regime {
            key("regime", &object)
            string(regime)
        }
        key("requiredElements", &object)
        strings(rung.requiredElements.map(\.rawValue))
        key("role", &object)
        string(rung.role.rawValue)
        key("step", &object)
        literal(String(rung.step))
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func deadline(_ deadline: NoticeDeadline) {
        var object = ObjectState()
        key("confidence", &object)
        string(deadline.confidence.rawValue)
        if let duration = deadline.duration {
            key("duration", &object)
            string(duration)
        }
        key("text", &object)
        string(deadline.text)
        close()
    }

    mutating func channel(_ channel: NoticeChannel) {
        var object = ObjectState()
        if let address = channel.address {
            key("address", &object)
            string(address)
        }
        key("confidence", &object)
        string(channel.confidence.rawValue)
        key("kind", &object)
        string(channel.kind.rawValue)
        key("notes", &object)
        strings(channel.notes)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func party(_ party: NoticeParty) {
        var object = ObjectState()
        if let email = party.abuseEmail {
            key("abuseEmail", &object)
            string(email)
        }
        key("identifiedBy", &object)
        string(party.identifiedBy)
        key("name", &object)
        string(party.name)
        if let provider = party.providerID {
            key("providerID", &object)
            string(provider)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func legalBasis(_ basis: LegalBasis) {
        var object = ObjectState()
        key("article", &object)
        string(basis.article)
        key("confidence", &object)
        string(basis.confidence.rawValue)
        key("instrument", &object)
        string(basis.instrument)
        if let note = basis.note {
            key("note", &object)
            string(note)
        }
        if let origin = basis.origin {
            key("origin", &object)
            string(origin)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func requirement(_ item: HolderRequirement) {
        var object = ObjectState()
        key("confidence", &object)
        string(item.confidence.rawValue)
        key("element", &object)
        string(item.element.rawValue)
        key("jurisdiction", &object)
        string(item.jurisdiction)
        key("reason", &object)
        string(item.reason)
        bytes.append(UInt8(ascii: "}"))
    }

    // MARK: Primitives

    /// Whether an object has had a key yet (so the next one needs a comma); opening the object on creation is
    /// left to `key`.
    struct ObjectState {
        var started = false
    }

    mutating func key(_ name: StaticString, _ state: inout ObjectState) {
        bytes.append(state.started ? UInt8(ascii: ",") : UInt8(ascii: "{"))
        state.started = true
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Closes the object being written.
    mutating func close() { bytes.append(UInt8(ascii: "}")) }

    mutating func literal(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func strings(_ items: [String]) {
        array(items) { writer, item in writer.string(item) }
    }

    mutating func array<T>(_ items: [T], _ element: (inout PlanJSONWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func escaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(byte)
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let bulk: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            // Most strings need no escape: one branch-free pass finds out, and such a string is copied whole.
            var flagged: UInt8 = 0
            for byte in utf8 { flagged |= Self.needsEscape(byte) ? 1 : 0 }
            if flagged == 0 {
                bytes.append(contentsOf: utf8)
                return
            }
            // Otherwise runs of bytes that need no escape are copied whole.
            var start = 0
            for index in utf8.indices where Self.needsEscape(utf8[index]) {
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                escape(utf8[index])
                start = index + 1
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        if bulk == nil {
            for byte in text.utf8 {
                if Self.needsEscape(byte) { escape(byte) } else { bytes.append(byte) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string known to need no escape, such as a lower-case hex digest: its bytes are copied without being scanned.
    mutating func plainString(_ text: String) {
        assert(!text.utf8.contains(where: Self.needsEscape), "plainString given a string that needs escaping")
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    /// True for the bytes `JSONEncoder` escapes: quote, backslash, slash and control characters.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/")
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): escaped(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): escaped(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): escaped(UInt8(ascii: "/"))
        case 0x0A: escaped(UInt8(ascii: "n"))
        case 0x0D: escaped(UInt8(ascii: "r"))
        case 0x09: escaped(UInt8(ascii: "t"))
        case 0x08: escaped(UInt8(ascii: "b"))
        case 0x0C: escaped(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: Array("\\u00".utf8))
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
