import LongarmCore
import Synchronization
import Testing

@testable import LongarmResolve

/// Answers TXT questions from recorded strings; counts the questions asked.
private final class RecordedTXTResolver: DNSResolving {
    let answers: [String: (rcode: Int, txt: [String])]
    let asked = Mutex<[String]>([])

    init(_ answers: [String: (rcode: Int, txt: [String])]) { self.answers = answers }

    func query(_ name: String, type: DNSRecordType) async throws -> DNSAnswer {
        asked.withLock { $0.append(name) }
        let answer = answers[name] ?? (3, [])
        let records = answer.txt.map { DNSRecord(name: name, type: .txt, ttl: 14400, data: $0) }
        return DNSAnswer(rcode: answer.rcode, records: records, server: "127.0.0.1:5353")
    }
}

private func ip(_ text: String) throws -> IPAddress { try #require(IPAddress(text)) }

@Test(arguments: [
    ("8.8.8.8", "8.8.8.8.origin.asn.cymru.com"),
    ("216.90.108.31", "31.108.90.216.origin.asn.cymru.com"),
    ("::ffff:1.2.3.4", "4.3.2.1.origin.asn.cymru.com"),
    (
        "2001:4860:4860::8888",
        "8.8.8.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.8.4.0.6.8.4.1.0.0.2.origin6.asn.cymru.com"
    ),
])
func buildsOriginQueryNames(address: String, name: String) throws {
    #expect(CymruASN(resolver: RecordedTXTResolver([:])).originQueryName(for: try ip(address)) == name)
}

@Test func buildsASNQueryName() {
    #expect(CymruASN(resolver: RecordedTXTResolver([:])).asnQueryName(for: 23028) == "AS23028.asn.cymru.com")
}

@Test func parsesOriginRecord() throws {
    let record = try #require(CymruOrigin(txt: "15169 | 8.8.8.0/24 | US | arin | 2023-12-28"))
    #expect(record.asns == [15169])
    #expect(record.prefix.description == "8.8.8.0/24")
    #expect(record.allocationCountry?.rawValue == "US")
    #expect(record.registry == "arin")
    #expect(record.allocated == "2023-12-28")
}

@Test func parsesMultipleOriginASNsAndQuotedPaddedFields() throws {
    let record = try #require(CymruOrigin(txt: "\"20738 20773  |  87.106.0.0/16 | DE |   ripencc |  \""))
    #expect(record.asns == [20738, 20773])
    #expect(record.registry == "ripencc")
    #expect(record.allocated == nil)
}

@Test(arguments: ["", "15169", "AS15169 | 8.8.8.0/24 | US", "15169 | 8.8.8.0/33 | US", "x y | 1.2.3.0/24"])
func rejectsMalformedOriginRecords(txt: String) {
    #expect(CymruOrigin(txt: txt) == nil)
}

@Test func dropsSwappedRegistryAndDateFields() throws {
    // ipwhois#4: Cymru once returned fields out of order; a registry that is not an RIR is not reported.
    let record = try #require(CymruOrigin(txt: "3561 | 216.88.0.0/14 | US | 1998-09-25 | arin"))
    #expect(record.registry == nil)
    #expect(record.allocated == nil)
}

@Test func parsesASRecordWithNameHoldingSeparators() throws {
    let record = try #require(CymruASNRecord(txt: "23028 | US | arin | 2002-01-04 | TEAMCYMRU - SAUNET"))
    #expect(record.asn == 23028)
    #expect(record.country?.rawValue == "US")
    #expect(record.name == "TEAMCYMRU - SAUNET")
    let odd = try #require(CymruASNRecord(txt: "64500 | ZZ | ripencc | 2010-01-01 | EXAMPLE | Odd Name, DE"))
    #expect(odd.country == nil)
    #expect(odd.name == "EXAMPLE | Odd Name, DE")
}

@Test func picksLongestPrefixHoldingTheAddressAndKeepsTheOthers() async throws {
    let resolver = RecordedTXTResolver([
        "31.108.90.216.origin.asn.cymru.com": (
            0,
            [
                "3561 | 216.88.0.0/14 | US | arin | 1998-09-25",
                "7132 | 216.90.108.0/24 | US | arin | 1998-09-25",
                "701 | 10.0.0.0/8 | US | arin | 1998-09-25",
            ]
        )
    ])
    let origin = try #require(await CymruASN(resolver: resolver).origin(for: try ip("216.90.108.31")))
    #expect(origin.best.asns == [7132])
    #expect(origin.best.prefix.description == "216.90.108.0/24")
    #expect(origin.all.map(\.prefix.description) == ["216.90.108.0/24", "216.88.0.0/14", "10.0.0.0/8"])
    #expect(origin.source == FactSource(.cymru, server: "127.0.0.1:5353 31.108.90.216.origin.asn.cymru.com"))
}

@Test func looksUpIPv6OriginsAndASNames() async throws {
    let v6Name = "8.8.8.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.8.4.0.6.8.4.1.0.0.2.origin6.asn.cymru.com"
    let resolver = RecordedTXTResolver([
        v6Name: (0, ["15169 | 2001:4860::/32 | US | arin | 2005-03-14"]),
        "AS15169.asn.cymru.com": (0, ["15169 | US | arin | 2000-03-30 | GOOGLE, US"]),
    ])
    let cymru = CymruASN(resolver: resolver)
    let origin = try #require(await cymru.origin(for: try ip("2001:4860:4860::8888")))
    #expect(origin.best.prefix.description == "2001:4860::/32")
    #expect(try await cymru.asnRecord(15169)?.name == "GOOGLE, US")
    #expect(try await cymru.asnRecord(64511) == nil)
    #expect(resolver.asked.withLock { $0 } == [v6Name, "AS15169.asn.cymru.com", "AS64511.asn.cymru.com"])
}

@Test func treatsNXDOMAINAsNotAnnouncedAndSERVFAILAsAnError() async throws {
    let resolver = RecordedTXTResolver(["2.0.0.10.origin.asn.cymru.com": (2, [])])
    let cymru = CymruASN(resolver: resolver)
    #expect(try await cymru.origin(for: try ip("192.0.2.1")) == nil)
    let error = await #expect(throws: CymruError.self) { try await cymru.origin(for: try ip("10.0.0.2")) }
    #expect(error?.description == "2.0.0.10.origin.asn.cymru.com: DNS server 127.0.0.1:5353 answered SERVFAIL")
}

@Test func ignoresRecordsWhosePrefixDoesNotHoldTheAddress() async throws {
    let resolver = RecordedTXTResolver([
        "1.2.0.192.origin.asn.cymru.com": (0, ["64500 | 198.51.100.0/24 | US | arin | "])
    ])
    #expect(try await CymruASN(resolver: resolver).origin(for: try ip("192.0.2.1")) == nil)
}

@Test func asksForEachASNameOnceAcrossConcurrentCallers() async throws {
    let resolver = RecordedTXTResolver([
        "AS15169.asn.cymru.com": (0, ["15169 | US | arin | 2000-03-30 | GOOGLE, US"]),
        "AS24940.asn.cymru.com": (0, ["24940 | DE | ripencc | 2002-06-03 | HETZNER-AS, DE"]),
    ])
    let names = CymruASNNames(cymru: CymruASN(resolver: resolver))
    let results = try await withThrowingTaskGroup(of: String?.self) { group in
        for index in 0..<50 {
            group.addTask { try await names.record([15169, 24940, 64511][index % 3])?.name }
        }
        var collected: [String] = []
        for try await name in group { collected.append(name ?? "none") }
        return collected.sorted()
    }
    #expect(results.filter { $0 == "GOOGLE, US" }.count == 17)
    #expect(results.filter { $0 == "HETZNER-AS, DE" }.count == 17)
    #expect(results.filter { $0 == "none" }.count == 16)
    let asked = resolver.asked.withLock { $0 }
    #expect(asked.sorted() == ["AS15169.asn.cymru.com", "AS24940.asn.cymru.com", "AS64511.asn.cymru.com"])
}

@Test func asksAgainAfterAFailure() async throws {
    let resolver = RecordedTXTResolver(["AS1.asn.cymru.com": (2, [])])
    let names = CymruASNNames(cymru: CymruASN(resolver: resolver))
    await #expect(throws: CymruError.self) { try await names.record(1) }
    await #expect(throws: CymruError.self) { try await names.record(1) }
    #expect(resolver.asked.withLock { $0 }.count == 2)
}
