/// Turns submitted text into a ``CanonicalURL``, or an ``IntakeError`` that names the text and the problem.
///
/// The parser is Longarm's own, over UTF-8 bytes, so that intake stays fast (Foundation's `URL` is both slower and
/// more lenient than wanted). Rules:
/// - leading and trailing spaces are trimmed; any other control character (tab, newline) is refused;
/// - only `http` and `https`, followed by `//`; the scheme is lower-cased;
/// - user information (`user:password@`) is refused: it has no place in a takedown target, and
///   `http://bank.example@evil.example/` is a classic disguise, so the submitter is told the real host;
/// - the host is percent-decoded, then read as an IPv4 literal when its last label is numeric (four decimal
///   parts, each 0–255), as IPv6 inside brackets, and otherwise as a domain converted to A-labels by ``IDNA``;
///   a trailing root dot is dropped;
/// - the port must be 0–65535 and is dropped when it is the scheme's default (80, 443);
/// - the path and query are percent-normalised (``PercentEncoding``); `\` in the path reads as `/` (as browsers
///   do); dot-segments are removed; an empty path becomes `/`; an empty query and the fragment are dropped.
public struct URLCanonicalizer: Sendable {
    /// The list used to find each host's registrable domain; `nil` leaves it unset.
    public let publicSuffixList: PublicSuffixList?

    /// Creates a canonicalizer that looks registrable domains up in `publicSuffixList`.
    public init(publicSuffixList: PublicSuffixList?) {
        self.publicSuffixList = publicSuffixList
    }

    /// The canonical form of `text`.
    public func canonicalize(_ text: String) throws(IntakeError) -> CanonicalURL {
        var bytes = Array(text.utf8)
        trimSpaces(&bytes)
        guard !bytes.isEmpty else { throw IntakeError(.malformedURL, input: text, detail: "empty") }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw IntakeError(.malformedURL, input: text, detail: "contains a control character")
        }

        // Scheme.
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isSchemeStart(bytes[0]),
            bytes[1..<colon].allSatisfy(isSchemeByte)
        else {
            throw IntakeError(.malformedURL, input: text, detail: "no scheme; write http:// or https://")
        }
        let scheme = String(decoding: bytes[0..<colon].map(asciiLower), as: UTF8.self)
        let defaultPort: Int
        switch scheme {
        case "http": defaultPort = 80
        case "https": defaultPort = 443
        default: throw IntakeError(.unsupportedScheme, input: text, detail: "only http and https")
        }
        var index = colon + 1
        guard bytes.count >= index + 2, bytes[index] == UInt8(ascii: "/"),
            bytes[index + 1] == UInt8(ascii: "/")
        else {
            throw IntakeError(.malformedURL, input: text, detail: "\(scheme): must be followed by //")
        }
        index += 2

        // Authority: up to the first "/", "\", "?" or "#".
        let authorityStart = index
        while index < bytes.count, !isAuthorityEnd(bytes[index]) { index += 1 }
        let authority = bytes[authorityStart..<index]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            let realHost = String(decoding: authority[(at + 1)...], as: UTF8.self)
            throw IntakeError(
                .malformedURL,
                input: text,
                detail: "user information before \"@\" is not accepted; the host is \"\(realHost)\""
            )
        }
        let (host, port) = try hostAndPort(authority, text: text)

        // Path, query, fragment.
        let pathStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#") { index += 1 }
        var path: [UInt8] = [UInt8(ascii: "/")]
        if pathStart < index {
            var raw = bytes[pathStart..<index]
            if raw.contains(UInt8(ascii: "\\")) {
                for i in raw.indices where raw[i] == UInt8(ascii: "\\") { raw[i] = UInt8(ascii: "/") }
            }
            path.removeAll(keepingCapacity: true)
            path.reserveCapacity(raw.count + 8)
            PercentEncoding.normalizePath(raw, into: &path)
            path = DotSegments.remove(path)
        }
        var query: [UInt8]? = nil
        if index < bytes.count, bytes[index] == UInt8(ascii: "?") {
            let queryStart = index + 1
            index = queryStart
            while index < bytes.count, bytes[index] != UInt8(ascii: "#") { index += 1 }
            if queryStart < index {
                var normalized: [UInt8] = []
                normalized.reserveCapacity(index - queryStart + 8)
                PercentEncoding.normalizeQuery(bytes[queryStart..<index], into: &normalized)
                query = normalized
            }
        }

        let keptPort = port == defaultPort ? nil : port
        var canonical: [UInt8] = []
        canonical.reserveCapacity(scheme.utf8.count + host.text.utf8.count + path.count + (query?.count ?? 0) + 10)
        canonical.append(contentsOf: scheme.utf8)
        canonical.append(contentsOf: "://".utf8)
        canonical.append(contentsOf: host.text.utf8)
        if let keptPort {
            canonical.append(UInt8(ascii: ":"))
            canonical.append(contentsOf: String(keptPort).utf8)
        }
        canonical.append(contentsOf: path)
        if let query {
            canonical.append(UInt8(ascii: "?"))
            canonical.append(contentsOf: query)
        }
        let registrable = host.isDomain ? publicSuffixList?.registrableDomain(ofASCII: host.text) : nil
        return CanonicalURL(
            original: text,
            canonical: String(decoding: canonical, as: UTF8.self),
            scheme: scheme,
            host: host.text,
            port: keptPort,
            path: String(decoding: path, as: UTF8.self),
            query: query.map { String(decoding: $0, as: UTF8.self) },
            registrableDomain: registrable
        )
    }

    private func hostAndPort(_ authority: ArraySlice<UInt8>, text: String) throws(IntakeError) -> (ParsedHost, Int?) {
        var hostBytes = authority
        var portBytes: ArraySlice<UInt8>? = nil
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else {
                throw IntakeError(.invalidHost, input: text, detail: "IPv6 address lacks \"]\"")
            }
            hostBytes = authority[authority.startIndex...close]
            let rest = authority[(close + 1)...]
            if let first = rest.first {
                guard first == UInt8(ascii: ":") else {
                    throw IntakeError(.invalidHost, input: text, detail: "text after the IPv6 address")
                }
                portBytes = rest.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            hostBytes = authority[authority.startIndex..<colon]
            portBytes = authority[(colon + 1)...]
        }
        var port: Int? = nil
        if let portBytes, !portBytes.isEmpty {
            guard portBytes.count <= 5, portBytes.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let value = Int(String(decoding: portBytes, as: UTF8.self)), value <= 65535
            else {
                let shown = String(decoding: portBytes, as: UTF8.self)
                throw IntakeError(.malformedURL, input: text, detail: "port \"\(shown)\" is not a number 0–65535")
            }
            port = value
        }
        return (try parseHost(hostBytes, text: text), port)
    }

    private func parseHost(_ bytes: ArraySlice<UInt8>, text: String) throws(IntakeError) -> ParsedHost {
        guard !bytes.isEmpty else { throw IntakeError(.invalidHost, input: text, detail: "no host") }
        if bytes.first == UInt8(ascii: "[") {
            let inner = String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
            guard let address = IPLiteral.ipv6(inner) else {
                throw IntakeError(.invalidHost, input: text, detail: "\"[\(inner)]\" is not an IPv6 address")
            }
            return ParsedHost(text: "[" + address + "]", isDomain: false)
        }
        let name: String?
        if bytes.contains(UInt8(ascii: "%")) {
            name = String(validating: PercentEncoding.decodeAll(bytes), as: UTF8.self)
        } else {
            name = String(validating: bytes, as: UTF8.self)
        }
        guard let name else {
            throw IntakeError(.invalidHost, input: text, detail: "host is not valid UTF-8 once percent-decoded")
        }
        let ascii: String
        do {
            ascii = try IDNA.toASCII(name)
        } catch {
            throw IntakeError(.invalidHost, input: text, detail: error.description)
        }
        if IPLiteral.looksLikeIPv4(ascii) {
            guard let address = IPLiteral.ipv4(ascii) else {
                throw IntakeError(
                    .invalidHost,
                    input: text,
                    detail: "\"\(ascii)\" is not an IPv4 address (four numbers 0–255, no leading zeros)"
                )
            }
            return ParsedHost(text: address, isDomain: false)
        }
        return ParsedHost(text: ascii, isDomain: true)
    }

    private func trimSpaces(_ bytes: inout [UInt8]) {
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        let leading = bytes.prefix(while: { $0 <= 0x20 }).count
        if leading > 0 { bytes.removeFirst(leading) }
    }

    private func isSchemeStart(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }

    private func isSchemeByte(_ byte: UInt8) -> Bool {
        isSchemeStart(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }

    private func isAuthorityEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "?")
            || byte == UInt8(ascii: "#")
    }

    private func asciiLower(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte + 32 : byte
    }
}

/// A host after parsing: its canonical text, and whether it is a domain name (not an address literal).
private struct ParsedHost {
    let text: String
    let isDomain: Bool
}
