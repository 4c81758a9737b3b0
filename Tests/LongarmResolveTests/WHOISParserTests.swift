import Foundation
import LongarmCore
import LongarmResolve
import Testing

@Suite struct WHOISParserTests {
    func record(_ text: String, query: String? = nil, server: String? = nil) throws -> WHOISRecord {
        try WHOISParser().parse(Data(text.utf8), query: query, server: server).record
    }

    @Test func followsTheLastARINReferral() throws {
        let text = """
            NetRange:       198.0.0.0 - 198.255.255.255
            NetName:        BIG
            ReferralServer:  whois://whois.first.test

            NetRange:       198.51.100.0 - 198.51.100.255
            NetName:        SMALL
            ReferralServer:  rwhois://rwhois.second.test:4321/auth-area=198.51.100.0/24
            """
        let record = try record(text, server: "whois.arin.net")
        #expect(record.referral == WHOISReferral(scheme: "rwhois", host: "rwhois.second.test", port: 4321))
        #expect(record.network?.name == "SMALL")
    }

    @Test func takesTheFirstIANARefer() throws {
        let record = try record("refer:        whois.nic.test\n\ndomain:       TEST\nwhois:        whois.other.test\n")
        #expect(record.referral?.host == "whois.nic.test")
        #expect(record.referral?.port == 43)
    }

    @Test(arguments: [
        ("whois://whois.example.test", "whois.example.test", 43),
        ("whois.example.test:4343", "whois.example.test", 4343),
        ("rwhois://rwhois.example.test:4321/", "rwhois.example.test", 4321),
        ("WHOIS.EXAMPLE.TEST.", "whois.example.test", 43),
    ])
    func readsReferralForms(_ value: String, _ host: String, _ port: Int) throws {
        let record = try record(
            "Domain Name: X.TEST\nRegistrar WHOIS Server: \(value)\n",
            server: "whois.registry.test"
        )
        #expect(record.referral?.host == host)
        #expect(record.referral?.port == port)
    }

    @Test(arguments: ["http://www.registrar.test", "https://registrar.test/whois", "www.registrar.test"])
    func ignoresWebAddressesAsReferrals(_ value: String) throws {
        let record = try record(
            "Domain Name: X.TEST\nRegistrar WHOIS Server: \(value)\n",
            server: "whois.registry.test"
        )
        #expect(record.referral == nil)
    }

    @Test func refusesAReferralBackToTheSameServer() throws {
        let record = try record(
            "Domain Name: X.TEST\nRegistrar WHOIS Server: whois.same.test\n",
            server: "whois.same.test"
        )
        #expect(record.referral == nil)
    }

    @Test(arguments: [
        "No match for \"X.COM\".", "NOT FOUND", "No entries found for the selected source(s).", "Status: free",
        "No Data Found", "The queried object does not exist: DOMAIN NOT FOUND", "%% NOT FOUND", "x.nl is free",
    ])
    func recognisesNotFoundAnswers(_ text: String) throws {
        let record = try record(text + "\n")
        #expect(!record.found)
        #expect(!record.throttled)
    }

    @Test(arguments: [
        "Query rate limit exceeded", "WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS",
        "Number of allowed queries exceeded.", "% Error: 55000000002 Connection refused; access control limit reached.",
    ])
    func recognisesThrottledAnswers(_ text: String) throws {
        let record = try record(text + "\n")
        #expect(record.throttled)
        #expect(!record.found)
    }

    @Test func aRecordWithDataIsFoundAndNotThrottled() throws {
        let record = try record("Domain Name: X.TEST\nRegistrar: R\nCreation Date: 2020-01-02T03:04:05Z\n")
        #expect(record.found)
        #expect(!record.throttled)
        #expect(record.created == Date(timeIntervalSince1970: 1_577_934_245))
    }

    @Test(arguments: [
        ("2020-01-02T03:04:05Z", 1_577_934_245.0), ("2020-01-02T03:04:05.123Z", 1_577_934_245.123),
        ("2020-01-02T12:04:05+09:00", 1_577_934_245.0), ("2020-01-02", 1_577_923_200.0),
        ("02-Jan-2020", 1_577_923_200.0), ("2020/01/02 12:04:05 (JST)", 1_577_934_245.0),
        ("2020. 01. 02.", 1_577_923_200.0), ("20200102 #123", 1_577_923_200.0), ("02.01.2020", 1_577_923_200.0),
        ("2020-01-02 11:04:05 (UTC+8)", 1_577_934_245.0),
    ])
    func parsesDateForms(_ text: String, _ seconds: Double) throws {
        let date = try #require(WHOISDate.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.01)
    }

    @Test func rejectsNonDates() {
        #expect(WHOISDate.parse("before Aug-1996") == nil)
        #expect(WHOISDate.parse("") == nil)
    }

    @Test(arguments: [
        ("jp", "株式会社花水木", String.Encoding.shiftJIS, "SHIFT_JIS"),
        ("ru", "ООО Северное сияние", String.Encoding.windowsCP1251, "CP1251"),
        ("br", "Produções Artísticas", String.Encoding.isoLatin1, "ISO-8859-1"),
    ])
    func decodesLegacyCharsetsByTLD(_ tld: String, _ text: String, _ encoding: String.Encoding, _ name: String) throws {
        let data = try #require(("org: " + text + "\n").data(using: encoding))
        let decoded = WHOISDecoder.decode(data, tld: tld)
        #expect(decoded.encoding == name)
        #expect(decoded.text == "org: " + text + "\n")
    }

    @Test func decodesCorpusSamplesInTheirCharsets() throws {
        let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("whois")
        let cases = [
            ("kr-eucKR", "hangang-bakery.co.kr", "EUC-KR", "주식회사 한강베이커리"),
            ("cn-gb18030", "longmen-chaye.cn", "GB18030", "杭州龙门茶叶有限公司"),
            ("jp-cojp-shiftjis", "hanamizuki-shoten.co.jp", "SHIFT_JIS", "株式会社花水木商店"),
            ("tw-big5", "formosa-beats.tw", "BIG5", "福爾摩沙節拍工作室"),
            ("ru-koi8r", "siyanie-koi.ru", "KOI8-R", "Северное сияние"),
        ]
        for (name, domain, encoding, phrase) in cases {
            let data = try Data(contentsOf: fixtures.appendingPathComponent(name + ".txt"))
            #expect(String(data: data, encoding: .utf8) == nil, "\(name) must not be UTF-8")
            let response = try WHOISParser().parse(data, query: domain)
            #expect(response.record.encoding == encoding)
            #expect(response.text.contains(phrase), "\(name)")
            #expect(response.raw == data)
        }
    }

    @Test func recognisesLegacyCharsetWithoutDomainOrServer() throws {
        let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("whois")
        for (name, encoding) in [("jp-cojp-shiftjis", "SHIFT_JIS"), ("kr-eucKR", "EUC-KR"), ("cn-gb18030", "GB18030")] {
            let data = try Data(contentsOf: fixtures.appendingPathComponent(name + ".txt"))
            #expect(try WHOISParser().parse(data).record.encoding == encoding, "\(name)")
        }
    }

    @Test func neverReportsPrivacyServiceAsRegistrantOrganization() throws {
        for organization in [
            "Domains By Proxy, LLC", "REDACTED FOR PRIVACY", "Data Protected", "Whois Privacy Protection",
        ] {
            let record = try record(
                "Domain Name: X.COM\nRegistrant Organization: \(organization)\nRegistrant Country: US\n"
            )
            #expect(record.registrant.organization == nil)
            #expect(record.registrant.redacted)
            #expect(record.registrant.country?.rawValue == "US")
            #expect(record.domainFacts(server: "whois.test:43").registrant?.organization == nil)
        }
    }

    @Test func stripsEPPStatusURLsAndNormalisesNameServers() throws {
        let record = try record(
            """
            Domain Name: X.COM
            Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited
            Domain Status: ok https://icann.org/epp#ok
            Name Server: NS1.EXAMPLE.TEST.
            Name Server: ns1.example.test
            Name Server: ns2.example.test 192.0.2.1
            """
        )
        #expect(record.status == ["clientTransferProhibited", "ok"])
        #expect(record.nameServers == ["ns1.example.test", "ns2.example.test"])
    }

    @Test func refusesEmptyOversizedAndBinaryAnswers() {
        #expect(throws: WHOISError.self) { try WHOISParser().parse(Data("  \r\n".utf8)) }
        #expect(throws: WHOISError.self) { try WHOISParser(maximumBytes: 4).parse(Data("hello".utf8)) }
        #expect(throws: WHOISError.self) { try WHOISParser().parse(Data([0x41, 0x00, 0x42])) }
    }

    @Test func jsonCarriesEveryContractFieldEvenWhenEmpty() throws {
        let tree = try JSONValue.encoding(try record("No match for \"X.COM\".\n"))
        for path in [
            "registrar.name", "registrar.ianaId", "registrar.abuseEmail", "registrar.abusePhone",
            "registrar.whoisServer",
            "registrant.organization", "registrant.country", "created", "updated", "expires",
        ] {
            #expect(tree.value(atPath: path) == .null, "\(path)")
        }
        #expect(tree.value(atPath: "nameServers") == .array([]))
        #expect(tree.value(atPath: "status") == .array([]))
        #expect(tree.value(atPath: "found") == .bool(false))
        #expect(tree.value(atPath: "throttled") == .bool(false))
    }

    @Test func registrarHopFillsInFromTheRegistryAnswer() throws {
        let registry = try record(
            "Domain Name: X.COM\nRegistrar: Example Registrar\nRegistrar IANA ID: 9\n"
                + "Creation Date: 2020-01-02T00:00:00Z\nName Server: NS1.X.TEST\n",
            server: "whois.verisign-grs.com"
        )
        let registrar = try record(
            "Domain Name: x.com\nRegistrar: Example Registrar, Inc.\nRegistrant Country: FR\n",
            server: "whois.registrar.test"
        )
        let merged = registrar.filling(from: registry)
        #expect(merged.registrar.name == "Example Registrar, Inc.")
        #expect(merged.registrar.ianaId == "9")
        #expect(merged.registrant.country?.rawValue == "FR")
        #expect(merged.nameServers == ["ns1.x.test"])
        let throttled = try record("Query rate limit exceeded\n").filling(from: registry)
        #expect(throttled.found)
        #expect(!throttled.throttled)
        #expect(throttled.registrar.name == "Example Registrar")
    }

    @Test func selectsLayoutByServerThenContentThenTLD() {
        let parser = WHOISParser()
        #expect(parser.layout(for: WHOISText("anything", server: "whois.jprs.jp")).name == "jprs")
        #expect(parser.layout(for: WHOISText("% IANA WHOIS server\nrefer: x.test\n")).name == "iana")
        #expect(parser.layout(for: WHOISText("Domain: x.de\n", query: "x.de")).name == "denic")
        #expect(parser.layout(for: WHOISText("Domain Name: x.example\n", query: "x.example")).name == "icann")
    }
}
