/// Percent-encoding normalisation of URL paths and queries (RFC 3986 §6.2.2).
///
/// Escapes of unreserved characters are decoded, other escapes get upper-case hexadecimal, a `%` that starts no
/// escape becomes `%25`, and every byte outside the component's allowed set (spaces, non-ASCII UTF-8 bytes, `"`,
/// `<`, `>`, `{`, `}`, `|`, `^`, `` ` ``, `[`, `]`, `\`…) is encoded.
enum PercentEncoding {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// A 256-entry table: which bytes may stand unencoded in a path (`pchar` and `/`) or a query (also `?`).
    private static let allowedInPath: [Bool] = table(extra: "/")
    private static let allowedInQuery: [Bool] = table(extra: "/?")
    private static let unreserved: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()

    private static func table(extra: String) -> [Bool] {
        var table = unreserved
        for byte in "!$&'()*+,;=:@".utf8 { table[Int(byte)] = true }
        for byte in extra.utf8 { table[Int(byte)] = true }
        return table
    }

    /// Appends the normalised form of `bytes` (a path) to `output`.
    static func normalizePath(_ bytes: ArraySlice<UInt8>, into output: inout [UInt8]) {
        normalize(bytes, allowed: allowedInPath, into: &output)
    }

    /// Appends the normalised form of `bytes` (a query, without `?`) to `output`.
    static func normalizeQuery(_ bytes: ArraySlice<UInt8>, into output: inout [UInt8]) {
        normalize(bytes, allowed: allowedInQuery, into: &output)
    }

    private static func normalize(_ bytes: ArraySlice<UInt8>, allowed: [Bool], into output: inout [UInt8]) {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < end, let high = hexValue(bytes[index + 1]),
                let low = hexValue(bytes[index + 2])
            {
                let value = high << 4 | low
                if unreserved[Int(value)] {
                    output.append(value)
                } else {
                    output.append(UInt8(ascii: "%"))
                    output.append(hexDigits[Int(high)])
                    output.append(hexDigits[Int(low)])
                }
                index += 3
                continue
            }
            if allowed[Int(byte)] {
                output.append(byte)
            } else {
                appendEscape(byte, to: &output)
            }
            index += 1
        }
    }

    /// Decodes every escape in `bytes` (used for hosts, which browsers percent-decode before IDNA).
    static func decodeAll(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "%"))
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0x0F)])
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
