import Foundation
import LongarmCore

/// Writes an RFC 5322 message with MIME parts: text and HTML alternatives, and the evidence manifest attached.
enum MIMEWriter {
    static func message(_ document: LetterDocument) -> Data {
        let text = document.text
        let html = document.html
        // Message-ID and boundaries only need to be unique per letter and stable for golden files.
        let hex = Self.fingerprint(document.subject + document.markdown + (document.recipient ?? ""))
        let boundary = "longarm-alt-" + hex.prefix(16)
        let mixed = "longarm-mix-" + hex.prefix(16)
        var headers: [String] = []
        if let email = document.sender.senderEmail {
            headers.append("From: \(address(name: document.senderName, email: email))")
        }
        if let recipient = document.recipient { headers.append("To: \(headerValue(recipient))") }
        headers.append("Subject: \(encodedWord(document.subject))")
        headers.append("Date: \(document.dateHeader.isEmpty ? rfc5322Date(document.date) : document.dateHeader)")
        headers.append("Message-ID: <\(hex.prefix(32))@longarm.invalid>")
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Language: \(headerValue(document.language.replacingOccurrences(of: "+", with: ", ")))")
        if document.draft { headers.append("X-Longarm-Draft: yes") }
        let alternative = [
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"", "",
            "--\(boundary)", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
            base64Lines(Data(text.utf8)),
            "--\(boundary)", "Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
            base64Lines(Data(html.utf8)),
            "--\(boundary)--",
        ]
        var lines = headers
        if let manifest = document.manifest {
            let name = headerValue(manifest.name).replacingOccurrences(of: "\"", with: "")
            lines += ["Content-Type: multipart/mixed; boundary=\"\(mixed)\"", "", "--\(mixed)"]
            lines += alternative
            lines += [
                "--\(mixed)", "Content-Type: application/json; name=\"\(name)\"",
                "Content-Disposition: attachment; filename=\"\(name)\"", "Content-Transfer-Encoding: base64", "",
                base64Lines(manifest.data), "--\(mixed)--",
            ]
        } else {
            lines += alternative
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Two 64-bit FNV-1a hashes of the text, as 32 hex digits.
    static func fingerprint(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
        }
        return SHA256Digest.hexString(
            [first, second].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(56 - $0 * 8)) } }
        )
    }

    /// A header value from data: CR, LF and other control characters removed.
    static func headerValue(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
    }

    /// `Name <email>`, the name as an RFC 2047 encoded word when it is not plain ASCII.
    static func address(name: String, email: String) -> String {
        let cleanEmail = headerValue(email).filter { !"<>\" ,".contains($0) }
        return "\(encodedWord(name, phrase: true)) <\(cleanEmail)>"
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words (at most 45 bytes of text each), or the text itself when plain ASCII.
    static func encodedWord(_ text: String, phrase: Bool = false) -> String {
        let clean = headerValue(text)
        let special = phrase && clean.contains { "()<>@,;:\\\".[]".contains($0) }
        if clean.allSatisfy({ $0.isASCII }) && !special && !clean.contains("=?") { return clean }
        var words: [String] = []
        var chunk = ""
        for character in clean {
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    static func base64Lines(_ data: Data) -> String {
        data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    static func rfc5322Date(_ date: Date) -> String { UTCDateParts(date).rfc5322 }
}
