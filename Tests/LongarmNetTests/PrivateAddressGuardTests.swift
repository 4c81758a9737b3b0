import LongarmCore
import LongarmNet
import Testing

@Suite struct PrivateAddressGuardTests {
    @Test(arguments: [
        ("8.8.8.8", AddressScope.global),
        ("104.21.48.12", .global),
        ("127.0.0.1", .loopback),
        ("127.255.255.254", .loopback),
        ("10.1.2.3", .privateUse),
        ("172.16.0.1", .privateUse),
        ("172.31.255.255", .privateUse),
        ("172.32.0.1", .global),
        ("192.168.1.1", .privateUse),
        ("100.64.0.1", .sharedAddressSpace),
        ("100.127.255.255", .sharedAddressSpace),
        ("100.128.0.1", .global),
        ("169.254.169.254", .linkLocal),
        ("224.0.0.251", .multicast),
        ("239.255.255.250", .multicast),
        ("0.0.0.0", .unspecified),
        ("255.255.255.255", .broadcast),
        ("240.0.0.1", .reserved),
        ("198.18.0.1", .reserved),
        ("192.0.0.8", .reserved),
        ("192.0.2.1", .documentation),
        ("198.51.100.7", .documentation),
        ("203.0.113.9", .documentation),
        ("::", .unspecified),
        ("::1", .loopback),
        ("2606:4700:3031::6815:300c", .global),
        ("2400:6180:0:d0::1f:5001", .global),
        ("fc00::1", .uniqueLocal),
        ("fd12:3456:789a::1", .uniqueLocal),
        ("fe80::1", .linkLocal),
        ("febf::1", .linkLocal),
        ("fec0::1", .reserved),
        ("ff02::1", .multicast),
        ("2001:db8::1", .documentation),
        ("100::1", .reserved),
        ("::ffff:127.0.0.1", .loopback),
        ("::ffff:10.0.0.1", .privateUse),
        ("::ffff:8.8.8.8", .global),
        ("64:ff9b::192.168.0.1", .privateUse),
        ("2002:c0a8:0101::1", .privateUse),
        ("2002:0808:0808::1", .global),
    ])
    func classifiesAddress(text: String, scope: AddressScope) throws {
        let address = try #require(IPAddress(text))
        #expect(PrivateAddressGuard.classify(address).scope == scope)
    }

    @Test func notesEmbeddedAddressesOfTransitionForms() throws {
        let mapped = PrivateAddressGuard.classify(try #require(IPAddress("::ffff:192.168.0.1")))
        #expect(mapped.embeddedIPv4 == IPAddress("192.168.0.1"))
        #expect(mapped.note == "IPv4-mapped")
        let sixToFour = PrivateAddressGuard.classify(try #require(IPAddress("2002:5bc6:150e::1")))
        #expect(sixToFour.embeddedIPv4 == IPAddress("91.198.21.14"))
        #expect(sixToFour.note == "6to4")
        // Teredo stores the client's IPv4 address inverted in the last 32 bits.
        let teredo = PrivateAddressGuard.classify(try #require(IPAddress("2001:0:4136:e378:8000:63bf:3fff:fdd2")))
        #expect(teredo.note == "Teredo")
        #expect(teredo.embeddedIPv4 == IPAddress("192.0.2.45"))
    }

    @Test func refusesNonPublicAddressNamingHostUnlessAllowed() throws {
        let addresses = [try #require(IPAddress("93.184.216.34")), try #require(IPAddress("10.0.0.7"))]
        #expect {
            try PrivateAddressGuard().check(host: "intranet.example", addresses: addresses)
        } throws: { error in
            (error as? NetError)?.code == .privateAddressRefused && "\(error)".contains("intranet.example")
                && "\(error)".contains("10.0.0.7") && "\(error)".contains("privateUse")
        }
        try PrivateAddressGuard(allowPrivate: true).check(host: "intranet.example", addresses: addresses)
        try PrivateAddressGuard().check(host: "example.com", addresses: [addresses[0]])
    }

    @Test func parsesAndPrintsAddressesCanonically() {
        #expect(IPAddress("2606:4700:3031:0:0:0:6815:300C")?.description == "2606:4700:3031::6815:300c")
        #expect(IPAddress("[::1]")?.description == "::1")
        #expect(IPAddress("256.1.1.1") == nil)
        #expect(IPAddress("example.com") == nil)
    }
}
