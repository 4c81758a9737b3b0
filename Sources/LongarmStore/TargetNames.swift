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
    private let names: [[UInt8]]

    /// The name of the target of `plan` when its profile is not at hand: the host of its URL.
    package init(plan: NoticePlan) {
        self.init(Self.host(of: plan.url).map { [$0] } ?? [])
    }

    /// The names a target's profile gives: its host (the host of the plan's URL, the profile's canonical URL), its
    /// registrable domain and its server addresses. Taking the profile itself, not an optional, spares a copy of it.
    package init(profile: HostingProfile) {
        var names = [profile.host]
        if let domain = profile.registrableDomain { names.append(domain) }
        // By index: `for address in` would copy every field of each address to read one.
        for index in profile.addresses.indices { names.append(profile.addresses[index].ip) }
        self.init(names)
    }

    private init(_ names: [String]) {
        var unique: [[UInt8]] = []
        for name in names where !name.isEmpty {
            let bytes = Array(name.utf8)
            if !unique.contains(bytes) { unique.append(bytes) }
        }
        self.names = unique
    }

    /// True when `text` contains one of the names.
    func occur(in text: String) -> Bool {
        guard !names.isEmpty else { return false }
        var text = text
        return text.withUTF8 { haystack in names.contains { Self.find($0, in: haystack) } }
    }

    /// True when `needle` occurs in `haystack`: `memchr` finds each candidate first byte, `memcmp` compares.
    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = haystack.baseAddress, let head = needle.first, needle.count <= haystack.count else {
            return false
        }
        return needle.withUnsafeBytes { needleBytes in
            let end = base + (haystack.count - needle.count + 1)
            var cursor = base
            while cursor < end {
                guard let hit = memchr(cursor, Int32(head), end - cursor) else { return false }
                let candidate = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(candidate, needleBytes.baseAddress!, needle.count) == 0 { return true }
                cursor = candidate + 1
            }
            return false
        }
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
