/// Encoding of domain names into DNS labels.
enum DNSName {
    /// Appends `name` as length-prefixed labels; IDNs must already be A-labels (`xn--…`).
    static func encode(_ name: String, into bytes: inout [UInt8]) throws {
        let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
        var total = 1
        if !trimmed.isEmpty {
            for label in trimmed.split(separator: ".", omittingEmptySubsequences: false) {
                let utf8 = Array(label.utf8)
                guard !utf8.isEmpty, utf8.count <= 63, utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                    throw NetError(
                        .invalidAddress,
                        "DNS name \"\(name)\": label \"\(label)\" is empty, longer than 63 bytes or not ASCII"
                    )
                }
                total += utf8.count + 1
                bytes.append(UInt8(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }
        guard total <= 255 else { throw NetError(.invalidAddress, "DNS name \"\(name)\" is longer than 255 bytes") }
        bytes.append(0)
    }

    /// The presentation form of one label: lower-case, with dots and unprintable bytes escaped.
    static func present(_ label: ArraySlice<UInt8>) -> String {
        var text = ""
        for byte in label {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                text.unicodeScalars.append(Unicode.Scalar(byte + 32))
            case UInt8(ascii: "."), UInt8(ascii: "\\"):
                text += "\\" + String(Unicode.Scalar(byte))
            case 0x21...0x7E:
                text.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = String(byte)
                text += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
            }
        }
        return text
    }
}
