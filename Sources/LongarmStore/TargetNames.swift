package import LongarmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The strings that name one plan's target: its URL's host, its registrable domain and its server addresses.
///
/// A plan sentence or party that contains one of them belongs to that target alone and is kept in the plan's
/// own row; everything else is stored once, as a shared frame (see ``RungFrame``). The split decides only how
/// much is shared: whatever it decides, the reader puts the same plan back together.
package struct TargetNames: Sendable {
    /// Every name's bytes, one after another, and where each name lies in them with the offset of the byte the
    /// search looks for first (see ``anchor(of:)``): one buffer, so that a search retains nothing per name.
    private let bytes: [UInt8]
    private let names: [Span]

    private struct Span {
        var start: Int
        var count: Int
        var anchor: Int
    }

    /// The name of the target of `plan` when its profile is not at hand: the host of its URL.
    package init(plan: NoticePlan) {
        self.init(names: Self.host(of: plan.url).map { [$0] } ?? [])
    }

    /// The names a target's profile gives: its host (the host of the plan's URL, the profile's canonical URL), its
    /// registrable domain and its server addresses. Taking the profile itself, not an optional, spares a copy of it.
    package init(profile: HostingProfile) {
        var names = [profile.host]
        if let domain = profile.registrableDomain { names.append(domain) }
        // By index: `for address in` would copy every field of each address to read one.
        for index in profile.addresses.indices { names.append(profile.addresses[index].ip) }
        self.init(names: names)
    }

    /// The given names, empty ones and repeats left out.
    package init(names: [String]) {
        var bytes: [UInt8] = []
        var spans: [Span] = []
        for name in names where !name.isEmpty {
            let utf8 = Array(name.utf8)
            let repeated = spans.contains {
                $0.count == utf8.count && bytes[$0.start..<$0.start + $0.count].elementsEqual(utf8)
            }
            if repeated { continue }
            spans.append(Span(start: bytes.count, count: utf8.count, anchor: Self.anchor(of: utf8)))
            bytes += utf8
        }
        self.bytes = bytes
        self.names = spans
    }

    /// Where in `name` the search starts: its first dot or colon, rare in the sentences searched (every host,
    /// domain and IPv4 address has a dot, every IPv6 address a colon), else its first byte.
    private static func anchor(of name: [UInt8]) -> Int {
        name.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") } ?? 0
    }

    /// True when `text` contains one of the names.
    func occur(in text: String) -> Bool {
        guard !names.isEmpty else { return false }
        if let found = text.utf8.withContiguousStorageIfAvailable({ occur(inBytes: $0) }) { return found }
        var text = text
        return text.withUTF8 { occur(inBytes: $0) }
    }

    private func occur(inBytes haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            for name in names {
                let needle = UnsafeBufferPointer(rebasing: all[name.start..<name.start + name.count])
                if Self.find(needle, anchor: name.anchor, in: haystack) { return true }
            }
            return false
        }
    }

    /// True when `needle` occurs in `haystack`: `memchr` finds each place of the needle's anchor byte (at offset
    /// `anchor` in the needle), `memcmp` compares the whole needle around it.
    private static func find(
        _ needle: UnsafeBufferPointer<UInt8>,
        anchor: Int,
        in haystack: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress, needle.count <= haystack.count
        else { return false }
        let byte = Int32(needle[anchor])
        // A match puts the anchor byte at an offset from `anchor` to `haystack.count - needle.count + anchor`.
        let end = base + (haystack.count - needle.count + anchor + 1)
        var cursor = base + anchor
        while cursor < end {
            guard let hit = memchr(cursor, byte, end - cursor) else { return false }
            let place = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(place - anchor, needleBase, needle.count) == 0 { return true }
            cursor = place + 1
        }
        return false
    }

    /// True when any field of `party` contains one of the names.
    func occur(in party: NoticeParty) -> Bool {
        occur(in: party.name) || occur(in: party.identifiedBy) || party.abuseEmail.map(occur(in:)) == true
            || party.providerID.map(occur(in:)) == true
    }

    /// True when the address or a note of `channel` contains one of the names.
    func occur(in channel: NoticeChannel) -> Bool {
        channel.address.map(occur(in:)) == true || channel.notes.contains(where: occur(in:))
    }

    /// The host of an absolute URL, lower-cased, without user information or port.
    static func host(of url: String) -> String? {
        guard let scheme = url.firstRange(of: "://") else { return nil }
        var rest = url[scheme.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            return String(rest[rest.index(after: rest.startIndex)..<close]).lowercased()
        }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return rest.isEmpty ? nil : rest.lowercased()
    }
}
