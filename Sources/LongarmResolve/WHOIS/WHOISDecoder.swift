public import Foundation
import Glibc

/// Turns the bytes of a WHOIS answer into text: UTF-8 when valid, else the character set the registry uses.
///
/// Legacy sets are converted with glibc's `iconv`, which knows Shift_JIS, EUC-KR, GB18030, Big5 and KOI8-R that
/// Foundation on Linux lacks.
public enum WHOISDecoder {
    /// Decodes `data`; `tld` and `server` pick the legacy character set to try. Returns the text and the set used.
    public static func decode(
        _ data: Data,
        tld: String? = nil,
        server: String? = nil
    ) -> (text: String, encoding: String) {
        if let text = String(data: data, encoding: .utf8) {
            return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, "UTF-8")
        }
        let bytes = [UInt8](data)
        if bytes.contains(0x1B), let text = convert(bytes, from: "ISO-2022-JP") { return (text, "ISO-2022-JP") }
        for charset in candidates(tld: tld, server: server, bytes: bytes) {
            if let text = convert(bytes, from: charset) { return (text, charset) }
        }
        // Latin-1 maps every byte to the code point of the same value.
        return (String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })), "ISO-8859-1")
    }

    /// The character sets to try, in order, for an answer that is not UTF-8.
    static func candidates(tld: String?, server: String?, bytes: [UInt8]) -> [String] {
        let hint = (tld ?? asciiMarkerHint(bytes) ?? "").lowercased()
        let host = (server ?? "").lowercased()
        if hint == "jp" || host.hasSuffix(".jp") { return ["SHIFT_JIS", "CP932", "EUC-JP"] }
        if hint == "kr" || host.hasSuffix(".kr") { return ["EUC-KR", "CP949"] }
        if hint == "cn" || host.hasSuffix(".cn") { return ["GB18030"] }
        if hint == "tw" || host.hasSuffix(".tw") { return ["BIG5", "BIG5-HKSCS"] }
        if hint == "hk" || host.hasSuffix(".hk") { return ["BIG5-HKSCS", "GB18030"] }
        if ["ru", "su", "xn--p1ai"].contains(hint) || host.hasSuffix(".ru") || host.hasSuffix(".su") {
            return [cyrillicGuess(bytes)]
        }
        return []
    }

    /// ASCII markers of registries that answer in legacy sets, for answers saved without their domain or server.
    static let asciiMarkers: [(String, String)] = [
        ("JPRS", "jp"), ("# ENGLISH", "kr"), ("KOREAN", "kr"), ("Registration Time:", "cn"),
        ("Record expires on", "tw"), ("HKIRC", "hk"), ("TCI Whois", "ru"), ("paid-till:", "ru"),
    ]

    static func asciiMarkerHint(_ bytes: [UInt8]) -> String? {
        // Latin-1 keeps every byte, so ASCII markers can be searched before the real set is known.
        let text = String(String.UnicodeScalarView(bytes.prefix(64 << 10).map { Unicode.Scalar($0) }))
        return asciiMarkers.first { text.contains($0.0) }?.1
    }

    /// KOI8-R and CP1251 both decode any byte; tell them apart by which half holds the (mostly lower-case) letters.
    static func cyrillicGuess(_ bytes: [UInt8]) -> String {
        let upperHalf = bytes.filter { $0 >= 0xE0 }.count
        let lowerHalf = bytes.filter { $0 >= 0xC0 && $0 < 0xE0 }.count
        return upperHalf >= lowerHalf ? "CP1251" : "KOI8-R"
    }

    /// Converts with iconv; `nil` when the bytes are not valid in `charset` (or glibc lacks it).
    static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { return nil }
                // Flush the shift state (ISO-2022-JP).
                if iconv(descriptor, nil, nil, &outPointer, &outLeft) == -1 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(decoding: output.prefix(converted).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
