import LongarmCore
import Testing

@Test(arguments: [
    ("192.0.2.1", "192.0.2.1"),
    ("0.0.0.0", "0.0.0.0"),
    ("255.255.255.255", "255.255.255.255"),
    ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
    ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
    ("2001:0db8:0000:0001:0000:0000:0000:0001", "2001:db8:0:1::1"),
    ("::", "::"),
    ("::1", "::1"),
    ("fe80::", "fe80::"),
    ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2:3:4:5:6"),
    ("2001:db8::0:1:0:0:0", "2001:db8:0:0:1::"),
    ("::ffff:192.0.2.128", "::ffff:192.0.2.128"),
    ("64:ff9b::192.0.2.1", "64:ff9b::c000:201"),
    ("[2400:6180:0:d0::1f:5001]", "2400:6180:0:d0::1f:5001"),
    ("::1.2.3.4", "::102:304"),
    ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
    ("ABCD:EF01::", "abcd:ef01::"),
    ("10.0.0.0", "10.0.0.0"),
    ("[192.0.2.1]", "192.0.2.1"),
])
func parsesAndPrintsCanonicalText(input: String, canonical: String) throws {
    let address = try #require(IPAddress(input))
    #expect(address.description == canonical)
    #expect(IPAddress(canonical) == address)
}

@Test(arguments: [
    "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "1.2.3.4 ",
    ":::", "1::2::3", "2001:db8:::1", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "fe80::1%eth0",
    "::ffff:1.2.3", "g::1", "1:2:3:4:5:6:7::8",
    "[", "[]", "[1.2.3.4", "1.2.3.04", "1.2.3.1000", "1..2.3", ".1.2.3", "1.2.3.", "::1.2.3.4.5", "1.2.3.4::",
    "::ffff:01.2.3.4", "1.2.3.4::1", "::12345", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "１.2.3.4", "::ｆ",
    "1:2:3:4:5:6:7:1.2.3.4", "::1:2:3:4:5:6:7:8",
])
func rejectsMalformedAddresses(input: String) {
    #expect(IPAddress(input) == nil)
}

@Test func exposesFamilyBytesAndOrder() throws {
    let v4 = try #require(IPAddress("88.198.21.14"))
    #expect(v4.family == .v4)
    #expect(v4.bytes == [88, 198, 21, 14])
    #expect(v4.v4Value == 0x58C6_150E)
    let v6 = try #require(IPAddress("2001:db8::ff"))
    #expect(v6.family == .v6)
    #expect(v6.bytes == [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [0xff])
    #expect(v4 < v6)
    #expect(try #require(IPAddress("10.0.0.2")) > #require(IPAddress("10.0.0.1")))
    #expect(try #require(IPAddress("::ffff:10.0.0.1")).unmappedV4 == IPAddress("10.0.0.1"))
}
