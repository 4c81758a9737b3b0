public import Foundation

/// The Public Suffix List (publicsuffix.org), for finding the registrable domain of a host.
///
/// Rules are kept in one hash table keyed by their A-label text, with flags for normal, wildcard (`*.` prefix,
/// keyed by the part after it) and exception (`!` prefix) rules, so a lookup costs one probe per label of the
/// host. Unicode rules are converted with ``IDNA``, so hosts match on A-labels. Both the ICANN and the private
/// section are loaded unless `includePrivateDomains` is false.
public struct PublicSuffixList: Sendable {
    private struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let normal = Flags(rawValue: 1)
        static let wildcard = Flags(rawValue: 2)
        static let exception = Flags(rawValue: 4)
    }

    private var rules: [String: Flags] = [:]

    /// How many rules were loaded.
    public var ruleCount: Int { rules.values.reduce(0) { $0 + $1.rawValue.nonzeroBitCount } }

    /// Parses the list's text (the `public_suffix_list.dat` format).
    public init(text: String, includePrivateDomains: Bool = true) {
        var inPrivateSection = false
        for rawLine in text.utf8.split(separator: 0x0A) {
            var line = rawLine[...]
            while let first = line.first, first == 0x20 || first == 0x09 { line = line.dropFirst() }
            // A rule is the line up to its first white space (which also drops a CR).
            let token = line.prefix(while: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
            guard !token.isEmpty else { continue }
            if token.starts(with: "//".utf8) {
                if line.firstRange(of: "===BEGIN PRIVATE DOMAINS===".utf8) != nil { inPrivateSection = true }
                if line.firstRange(of: "===END PRIVATE DOMAINS===".utf8) != nil { inPrivateSection = false }
                continue
            }
            guard includePrivateDomains || !inPrivateSection else { continue }
            add(rule: String(decoding: token, as: UTF8.self))
        }
    }

    /// Loads the list from a file, which must hold at most 16 MiB.
    public init(contentsOf file: URL, includePrivateDomains: Bool = true) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        if let size = attributes[.size] as? Int, size > 16 << 20 {
            throw CocoaError(.fileReadTooLarge, userInfo: [NSFilePathErrorKey: file.path])
        }
        let text = try String(contentsOf: file, encoding: .utf8)
        self.init(text: text, includePrivateDomains: includePrivateDomains)
    }

    /// The list shipped in `Data/psl/public_suffix_list.dat` of `directory`.
    public static func shipped(in directory: DataDirectory) throws -> PublicSuffixList {
        try PublicSuffixList(contentsOf: directory.file("psl/public_suffix_list.dat"))
    }

    private mutating func add<S: StringProtocol>(rule: S) {
        var text = Substring(rule)
        var flag = Flags.normal
        if text.hasPrefix("!") {
            flag = .exception
            text = text.dropFirst()
        } else if text.hasPrefix("*.") {
            flag = .wildcard
            text = text.dropFirst(2)
        }
        // The list has no other wildcard positions; a rule that cannot be read is skipped, not guessed.
        guard !text.contains("*"), let key = try? IDNA.toASCII(String(text)) else { return }
        rules[key, default: []].insert(flag)
    }

    /// The registrable domain of `host` (any case, Unicode or A-labels), in A-labels; `nil` when the host is itself
    /// a public suffix, is not a valid name, or has an empty label (such as a leading dot).
    public func registrableDomain(of host: String) -> String? {
        guard !host.hasPrefix("."), let ascii = try? IDNA.toASCII(host) else { return nil }
        return registrableDomain(ofASCII: ascii)
    }

    /// The public suffix of `host` (any case, Unicode or A-labels), in A-labels.
    public func publicSuffix(of host: String) -> String? {
        guard !host.hasPrefix("."), let ascii = try? IDNA.toASCII(host) else { return nil }
        let starts = labelStarts(ascii)
        guard let count = suffixLabelCount(ascii, starts: starts) else { return nil }
        return String(ascii[starts[starts.count - count]...])
    }

    /// The registrable domain of a host already in canonical form (lower-case A-labels, no trailing dot).
    func registrableDomain(ofASCII host: String) -> String? {
        let starts = labelStarts(host)
        guard let count = suffixLabelCount(host, starts: starts), starts.count > count else { return nil }
        return String(host[starts[starts.count - count - 1]...])
    }

    private func labelStarts(_ host: String) -> [String.Index] {
        var starts = [host.startIndex]
        let utf8 = host.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == UInt8(ascii: ".") { starts.append(next) }
            index = next
        }
        return starts
    }

    /// How many labels of `host` form its public suffix; `nil` if a label is empty.
    private func suffixLabelCount(_ host: String, starts: [String.Index]) -> Int? {
        let count = starts.count
        var longest = 1  // the implicit "*" rule
        for (position, start) in starts.enumerated() {
            let labels = count - position
            if start == host.endIndex || host.utf8[start] == UInt8(ascii: ".") { return nil }
            guard let flags = rules[String(host[start...])] else { continue }
            // An exception rule prevails over every other rule; the longest one found first is the one.
            if flags.contains(.exception) { return labels - 1 }
            if flags.contains(.normal) { longest = max(longest, labels) }
            if flags.contains(.wildcard) && position > 0 { longest = max(longest, labels + 1) }
        }
        return longest
    }
}
