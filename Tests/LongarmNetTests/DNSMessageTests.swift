import Foundation
import LongarmCore
import LongarmNet
import Testing

@Suite struct DNSMessageTests {
    /// Responses recorded from nsd serving `Tests/Internet/zones`.
    static func recorded(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "bin"))
        return Array(try Data(contentsOf: url))
    }

    @Test func encodesQueryInWireFormat() throws {
        let bytes = try DNSMessage.query(id: 0xBEEF, name: "www.Example.com.", type: .aaaa)
        let expected: [UInt8] =
            [0xBE, 0xEF, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]
            + [3] + Array("www".utf8) + [7] + Array("Example".utf8) + [3] + Array("com".utf8) + [0]
            + [0, 28, 0, 1]
        #expect(bytes == expected)
        let decoded = try DNSMessage(decoding: bytes)
        #expect(decoded.id == 0xBEEF && !decoded.isResponse && decoded.recursionDesired)
        #expect(decoded.questions == [DNSQuestion(name: "www.example.com", type: 28)])
    }

    @Test(arguments: ["bad label.com", "a..b", String(repeating: "a", count: 64) + ".com", "视频.com"])
    func refusesNamesThatAreNotLDH(name: String) {
        #expect(throws: NetError.self) { try DNSMessage.query(id: 1, name: name, type: .a) }
    }

    @Test func decodesRecordedAnswerWithCompressedNames() throws {
        let message = try DNSMessage(decoding: try Self.recorded("www.faceswap-clips.com-A"))
        #expect(message.id == 0x1234 && message.isResponse && message.authoritative && message.rcode == 0)
        #expect(message.questions.first?.name == "www.faceswap-clips.com")
        #expect(
            message.answers.map(\.data) == ["faceswap-clips.com.cdn.cloudflare.net", "104.21.48.12", "172.67.140.3"]
        )
        #expect(message.answers.map(\.type) == [.cname, .a, .a])
        #expect(message.answers[1].name == "faceswap-clips.com.cdn.cloudflare.net")
        #expect(message.answers[0].ttl == 300)
    }

    @Test func decodesSOAAndNXDOMAIN() throws {
        let soa = try DNSMessage(decoding: try Self.recorded("faceswap-clips.com-SOA"))
        #expect(
            soa.answers.first?.data
                == "ada.ns.cloudflare.com hostmaster.faceswap-clips.com 2026112501 3600 600 604800 300"
        )
        let missing = try DNSMessage(decoding: try Self.recorded("nxdomain-A"))
        #expect(missing.rcode == 3)
        #expect(missing.answers.isEmpty)
        #expect(missing.authority.first?.type == .soa)
    }

    @Test func readsTruncationFlag() throws {
        let message = try DNSMessage(decoding: try Self.recorded("bigtxt-TXT-udp"))
        #expect(message.truncated)
        #expect(message.answers.isEmpty)
    }

    @Test func rejectsCompressionPointerLoop() throws {
        // Header with one answer; the answer's name is a pointer to itself (offset 12).
        var bytes: [UInt8] = [0, 1, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0]
        bytes += [0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 1, 2, 3, 4]
        #expect {
            try DNSMessage(decoding: bytes)
        } throws: { error in
            (error as? NetError)?.code == .malformedResponse && "\(error)".contains("does not point backwards")
        }
        // Two pointers pointing at each other.
        var pair: [UInt8] = [0, 1, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0]
        pair += [1, UInt8(ascii: "a"), 0xC0, 12, 0, 1, 0, 1]
        #expect(throws: NetError.self) { try DNSMessage(decoding: pair) }
    }

    @Test func rejectsRecordRunningPastTheEnd() throws {
        // Cut inside the answer section: the header still promises three answers.
        let bytes = Array(try Self.recorded("www.faceswap-clips.com-A").prefix(70))
        #expect(throws: NetError.self) { try DNSMessage(decoding: bytes) }
    }

    @Test func decodesTXTStringsAndSkipsUnknownTypes() throws {
        var bytes: [UInt8] = [0, 7, 0x84, 0x00, 0, 0, 0, 2, 0, 0, 0, 0]
        // MX record (type 15): not a Longarm type, skipped.
        bytes += [1, UInt8(ascii: "x"), 0, 0, 15, 0, 1, 0, 0, 0, 1, 0, 4, 0, 10, 0xC0, 12]
        // TXT with two character-strings, joined.
        bytes += [0xC0, 12, 0, 16, 0, 1, 0, 0, 0, 1, 0, 7, 2] + Array("ab".utf8) + [3] + Array("cde".utf8)
        let message = try DNSMessage(decoding: bytes)
        #expect(message.answers == [DNSRecord(name: "x", type: .txt, ttl: 1, data: "abcde")])
    }
}
