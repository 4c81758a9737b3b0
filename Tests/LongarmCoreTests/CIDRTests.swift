import Foundation
import LongarmCore
import Testing

@Test(arguments: [
    ("192.0.2.0/24", "192.0.2.0/24", "192.0.2.255"),
    ("192.0.2.77/24", "192.0.2.0/24", "192.0.2.255"),
    ("10.1.2.3", "10.1.2.3/32", "10.1.2.3"),
    ("0.0.0.0/0", "0.0.0.0/0", "255.255.255.255"),
    ("2001:DB8::/32", "2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"),
    ("2001:db8:1:2::1/64", "2001:db8:1:2::/64", "2001:db8:1:2:ffff:ffff:ffff:ffff"),
    ("2c00::/12", "2c00::/12", "2c0f:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
    ("2001:db8::1/127", "2001:db8::/127", "2001:db8::1"),
    ("::/0", "::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
])
func parsesNetworksAndBounds(input: String, canonical: String, last: String) throws {
    let cidr = try #require(CIDR(input))
    #expect(cidr.description == canonical)
    #expect(cidr.lastAddress.description == last)
}

@Test(arguments: ["", "192.0.2.0/33", "2001:db8::/129", "192.0.2.0/", "/24", "192.0.2.0/2x", "1.2.3.4/8/8"])
func rejectsMalformedNetworks(input: String) {
    #expect(CIDR(input) == nil)
}

@Test func containsAddressesAndSubnets() throws {
    let net = try #require(CIDR("104.16.0.0/13"))
    #expect(net.contains(try #require(IPAddress("104.16.0.0"))))
    #expect(net.contains(try #require(IPAddress("104.23.255.255"))))
    #expect(!net.contains(try #require(IPAddress("104.24.0.0"))))
    #expect(!net.contains(try #require(IPAddress("::ffff:104.16.0.1"))))
    #expect(net.contains(try #require(CIDR("104.17.0.0/16"))))
    #expect(!net.contains(try #require(CIDR("104.0.0.0/8"))))
    let v6 = try #require(CIDR("2400:cb00::/32"))
    #expect(v6.contains(try #require(IPAddress("2400:cb00:2049::1"))))
    #expect(!v6.contains(try #require(IPAddress("2400:cb01::1"))))
    let boundary = try #require(CIDR("2001:db8:0:0:8000::/65"))
    #expect(boundary.contains(try #require(IPAddress("2001:db8::8000:0:0:1"))))
    #expect(!boundary.contains(try #require(IPAddress("2001:db8::7fff:0:0:1"))))
}

@Test func roundTripsThroughJSON() throws {
    let value = [try #require(CIDR("192.0.2.0/24")), try #require(CIDR("2001:db8::/48"))]
    let data = try JSONEncoder().encode(value)
    #expect(String(decoding: data, as: UTF8.self) == #"["192.0.2.0\/24","2001:db8::\/48"]"#)
    #expect(try JSONDecoder().decode([CIDR].self, from: data) == value)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([CIDR].self, from: Data(#"["x/1"]"#.utf8)) }
}
