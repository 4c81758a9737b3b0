import Foundation

/// Converts a domain name to IDNA A-labels, following UTS 46 nontransitional processing closely enough for the
/// scripts Longarm meets (Latin, Cyrillic, Greek, Arabic, Hebrew, CJK, Thai, Indic).
///
/// Mapping is lower-casing plus NFKC (Foundation), with the ideographic full stops U+3002, U+FF0E and U+FF61 read
/// as dots; ß and ς are kept (nontransitional). Rejected: spaces, controls, private-use and unassigned code points,
/// ASCII other than letters, digits, `-` and `_`, empty labels, labels over 63 and names over 253 octets, labels
/// that start or end with `-`, labels that start with a combining mark, Unicode labels with `--` in positions 3–4,
/// joiners outside a virama context, and `xn--` labels that do not decode to a valid Unicode label.
/// Not implemented: the Bidi rule (RFC 5893) and the CONTEXTO rules of RFC 5892.
public enum IDNA {
    /// Why a name was refused; the sentence names the label.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, with the offending label.
        public let description: String
    }

    /// The A-label form of `name` (lower case), without a trailing root dot.
    public static func toASCII(_ name: String) throws(Failure) -> String {
        if let fast = asciiFastPath(name) { return fast }
        var text = name
        if text.utf8.contains(where: { $0 >= 0x80 }) {
            text = map(text)
        }
        if text.hasSuffix(".") { text.removeLast() }
        guard !text.isEmpty else { throw Failure(description: "empty name") }
        var labels: [String] = []
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            labels.append(try asciiLabel(label))
        }
        let result = labels.joined(separator: ".")
        guard result.utf8.count <= 253 else {
            throw Failure(description: "name is \(result.utf8.count) octets long, more than 253")
        }
        return result
    }

    /// Lower-cases and checks a plain ASCII name in one pass. Returns `nil` whenever the full path must decide: a
    /// non-ASCII byte, an `xn--` label, or any problem (so that the full path words the error).
    private static func asciiFastPath(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var labelStart = 0
        func labelIsPlain(_ end: Int) -> Bool {
            let length = end - labelStart
            guard length > 0, length <= 63, bytes[labelStart] != UInt8(ascii: "-"),
                bytes[end - 1] != UInt8(ascii: "-")
            else { return false }
            return
                !(length >= 4 && bytes[labelStart] == UInt8(ascii: "x") && bytes[labelStart + 1] == UInt8(ascii: "n")
                && bytes[labelStart + 2] == UInt8(ascii: "-") && bytes[labelStart + 3] == UInt8(ascii: "-"))
        }
        for byte in name.utf8 {
            if byte == UInt8(ascii: ".") {
                guard labelIsPlain(bytes.count) else { return nil }
                bytes.append(byte)
                labelStart = bytes.count
                continue
            }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
            guard isAllowedASCII(lower) else { return nil }
            bytes.append(lower)
        }
        if labelStart == bytes.count && labelStart > 0 {
            // A trailing root dot.
            bytes.removeLast()
        } else if !labelIsPlain(bytes.count) {
            return nil
        }
        guard !bytes.isEmpty, bytes.count <= 253 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// UTS 46 mapping: ideographic full stops to dots, lower case per scalar (keeping ß and ς), then NFKC twice so
    /// that compatibility forms that decompose to capitals end up lower case.
    static func map(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3002, 0xFF0E, 0xFF61: scalars.append(".")
            default: scalars.append(scalar)
            }
        }
        let compatible = String(scalars).precomposedStringWithCompatibilityMapping
        return lowercasePerScalar(compatible).precomposedStringWithCompatibilityMapping
    }

    private static func lowercasePerScalar(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII || scalar.value == 0xDF || scalar.value == 0x3C2 {
                output.unicodeScalars.append(scalar.isASCII ? asciiLower(scalar) : scalar)
            } else {
                // One scalar at a time, so Greek final-sigma context rules cannot apply.
                output += scalar.properties.lowercaseMapping
            }
        }
        return output
    }

    private static func asciiLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar
    }

    private static func asciiLabel(_ label: Substring) throws(Failure) -> String {
        guard !label.isEmpty else { throw Failure(description: "empty label") }
        let isASCII = !label.utf8.contains(where: { $0 >= 0x80 })
        if isASCII {
            var bytes = Array(label.utf8)
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { bytes[index] = byte + 0x20 }
                guard isAllowedASCII(bytes[index]) else {
                    throw Failure(description: "label \"\(label)\" contains \(describe(byte))")
                }
            }
            let lower = String(decoding: bytes, as: UTF8.self)
            try checkLength(lower)
            try checkHyphens(lower, unicode: false)
            if lower.hasPrefix("xn--") { try checkALabel(lower) }
            return lower
        }
        let scalars = Array(label.unicodeScalars)
        try checkUnicodeLabel(scalars, label: String(label))
        guard let encoded = Punycode.encode(scalars) else {
            throw Failure(description: "label \"\(label)\" cannot be encoded as Punycode")
        }
        let result = "xn--" + encoded
        try checkLength(result)
        return result
    }

    /// An `xn--` label must decode to a label that mapping leaves unchanged and that re-encodes to itself.
    private static func checkALabel(_ label: String) throws(Failure) {
        let body = String(label.dropFirst(4))
        guard let decoded = Punycode.decode(body), decoded.contains(where: { !$0.isASCII }) else {
            throw Failure(description: "label \"\(label)\" is not valid Punycode")
        }
        let unicode = String(String.UnicodeScalarView(decoded))
        guard map(unicode) == unicode, Punycode.encode(decoded) == body else {
            throw Failure(description: "label \"\(label)\" decodes to \"\(unicode)\", which is not in mapped form")
        }
        try checkUnicodeLabel(decoded, label: label)
    }

    private static func checkUnicodeLabel(_ scalars: [Unicode.Scalar], label: String) throws(Failure) {
        if let first = scalars.first, first.properties.generalCategory.isMark {
            throw Failure(description: "label \"\(label)\" starts with a combining mark")
        }
        let text = String(String.UnicodeScalarView(scalars))
        try checkHyphens(text, unicode: true)
        for (index, scalar) in scalars.enumerated() {
            if scalar.isASCII {
                guard isAllowedASCII(UInt8(scalar.value)), !(0x41...0x5A).contains(scalar.value) else {
                    throw Failure(description: "label \"\(label)\" contains \(describe(UInt8(scalar.value)))")
                }
                continue
            }
            if scalar.value == 0x200C || scalar.value == 0x200D {
                // CONTEXTJ: a joiner is valid only right after a virama.
                let afterVirama = index > 0 && scalars[index - 1].properties.canonicalCombiningClass.rawValue == 9
                guard afterVirama else {
                    throw Failure(description: "label \"\(label)\" has a zero-width joiner outside a virama context")
                }
                continue
            }
            guard isAllowedNonASCII(scalar) else {
                let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
                throw Failure(description: "label \"\(label)\" contains the disallowed code point \(code)")
            }
        }
    }

    private static func isAllowedNonASCII(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
            .paragraphSeparator:
            false
        default:
            // Noncharacters and default-ignorables (variation selectors, soft hyphen) have no place in a host.
            !scalar.properties.isNoncharacterCodePoint && !scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    static func isAllowedASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
            UInt8(ascii: "_"):
            true
        default: false
        }
    }

    private static func checkLength(_ label: String) throws(Failure) {
        guard label.utf8.count <= 63 else {
            throw Failure(description: "label \"\(label)\" is \(label.utf8.count) octets long, more than 63")
        }
    }

    /// CheckHyphens of UTS 46 for the leading and trailing hyphen. The positions 3–4 rule applies to Unicode labels
    /// only: ASCII host names such as `r3---sn-abc.googlevideo.com` are in real use, which is why browsers (WHATWG)
    /// do not apply it.
    private static func checkHyphens(_ label: String, unicode: Bool) throws(Failure) {
        if label.hasPrefix("-") || label.hasSuffix("-") {
            throw Failure(description: "label \"\(label)\" starts or ends with a hyphen")
        }
        if unicode {
            let scalars = Array(label.unicodeScalars.prefix(4))
            if scalars.count == 4 && scalars[2] == "-" && scalars[3] == "-" {
                throw Failure(description: "label \"\(label)\" has hyphens in the third and fourth positions")
            }
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20: "a space"
        case 0..<0x20, 0x7F: "a control character"
        default: "\"\(Character(Unicode.Scalar(byte)))\""
        }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isMark: Bool {
        self == .nonspacingMark || self == .spacingMark || self == .enclosingMark
    }
}
