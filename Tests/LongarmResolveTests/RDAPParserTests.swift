import Foundation
import LongarmCore
import LongarmResolve
import Testing

@Suite struct RDAPParserTests {
    func parse(_ json: String) throws -> RDAPObject { try RDAPParser().parse(Data(json.utf8)) }

    @Test func findsRegistrarAbuseContactInNestedEntity() throws {
        let object = try parse(
            """
            {"objectClassName":"domain","ldhName":"EXAMPLE.COM","entities":[{"objectClassName":"entity","handle":"292",
             "roles":["registrar"],"vcardArray":["vcard",[["fn",{},"text","Registrar Inc."]]],
             "entities":[{"objectClassName":"entity","roles":["technical"],"entities":[{"objectClassName":"entity",
             "roles":["abuse"],"vcardArray":["vcard",[["email",{},"text","abuse@registrar.test"],
             ["tel",{"type":["voice"]},"uri","tel:+1.5550100"],["tel",{"type":["fax"]},"uri","tel:+1.5550199"]]]}]}]}]}
            """
        )
        #expect(object.registrar?.abuseEmail == "abuse@registrar.test")
        #expect(object.registrar?.abusePhone == "+1.5550100")
        #expect(object.registrar?.ianaId == "292")
        #expect(object.entities(withRole: "abuse").first?.depth == 3)
    }

    @Test func prefersAbuseContactClosestToTheNetwork() throws {
        let object = try parse(
            """
            {"objectClassName":"ip network","startAddress":"192.0.2.0","endAddress":"192.0.2.127","entities":[
             {"roles":["registrant"],"handle":"ORG","entities":[{"roles":["abuse"],
              "vcardArray":["vcard",[["email",{},"text","org@abuse.test"]]]}]},
             {"roles":["abuse"],"handle":"NET","vcardArray":["vcard",[["email",{},"text","net@abuse.test"]]]}]}
            """
        )
        #expect(object.abuse?.email == "net@abuse.test")
        #expect(object.network?.cidrs == ["192.0.2.0/25"])
        #expect(object.networkFacts(server: "https://rdap.test/ip/192.0.2.1").abuseEmail == "net@abuse.test")
    }

    @Test(arguments: [
        "REDACTED FOR PRIVACY", "Redacted for Privacy", "Data Protected", "Not Disclosed", "Statutory Masking Enabled",
        "Privacy service provided by Withheld for Privacy ehf", "Domains By Proxy, LLC",
        "Contact Privacy Inc. Customer 1",
        "Whois Privacy Protection Service, Inc.", "REDACTED",
    ])
    func neverReportsPlaceholderAsRegistrantName(_ placeholder: String) throws {
        let object = try parse(
            """
            {"objectClassName":"domain","ldhName":"x.test","entities":[{"roles":["registrant"],
             "vcardArray":["vcard",[["fn",{},"text","\(placeholder)"],["org",{},"text","\(placeholder)"],
             ["adr",{"cc":"IS"},"text",["","","","","","",""]]]]}]}
            """
        )
        let registrant = try #require(object.registrant)
        #expect(registrant.organization == nil)
        #expect(registrant.redacted)
        #expect(registrant.country?.rawValue == "IS")
        #expect(object.entities(withRole: "registrant").first?.name == nil)
        let facts = object.domainFacts(server: "https://rdap.test/")
        #expect(facts.registrant?.organization == nil)
        #expect(facts.source == FactSource(.rdap, server: "https://rdap.test/"))
    }

    @Test func honoursRFC9537RedactedMembers() throws {
        let object = try parse(
            """
            {"objectClassName":"domain","ldhName":"x.test","rdapConformance":["redacted"],
             "entities":[{"roles":["registrant"],"vcardArray":["vcard",[["fn",{},"text","Jane Roe"],
             ["org",{},"text","Roe Works"]]]}],
             "redacted":[{"name":{"type":"Registrant Name"},"prePath":"$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='fn')]","method":"removal"}]}
            """
        )
        #expect(object.redactions == ["Registrant Name"])
        #expect(object.entities(withRole: "registrant").first?.name == nil)
        #expect(object.registrant?.organization == "Roe Works")
        #expect(object.registrant?.redacted == true)
    }

    @Test func findsRegistrarReferralLinkButNotHTMLLinks() throws {
        let object = try parse(
            """
            {"objectClassName":"domain","ldhName":"x.com","links":[
             {"rel":"self","href":"https://registry.test/domain/x.com","type":"application/rdap+json"},
             {"rel":"related","href":"https://registrar.test/whois","type":"text/html"},
             {"rel":"related","href":"https://registrar.test/rdap/domain/x.com","type":"application/rdap+json"}]}
            """
        )
        #expect(object.registrarLink == "https://registrar.test/rdap/domain/x.com")
    }

    @Test func readsCountryFromCCParameterThenComponentThenLabel() throws {
        let object = try parse(
            """
            {"objectClassName":"entity","entities":[
             {"handle":"A","roles":["technical"],"vcardArray":["vcard",[["adr",{"cc":"jp"},"text",["","","","","","",""]]]]},
             {"handle":"B","roles":["technical"],"vcardArray":["vcard",[["adr",{},"text",["","","","","","","Germany"]]]]},
             {"handle":"C","roles":["technical"],"vcardArray":["vcard",[["adr",{"label":"1 Road\\nTown\\nCANADA"},"text",["","","","","","",""]]]]}]}
            """
        )
        #expect(object.entities(withRole: "technical").map { $0.country?.rawValue } == ["JP", "DE", "CA"])
    }

    @Test func rejectsMalformedJSONNamingTheInput() {
        #expect {
            try RDAPParser().parse(Data("{\"objectClassName\":".utf8), input: "https://rdap.test/x")
        } throws: { error in
            let error = error as? RDAPError
            return error?.code == .malformedJSON && error?.description.hasPrefix("https://rdap.test/x:") == true
        }
    }

    @Test func rejectsOversizedAndNonObjectDocuments() {
        #expect(throws: RDAPError.self) {
            try RDAPParser(maximumBytes: 10).parse(Data(String(repeating: " ", count: 11).utf8))
        }
        #expect(throws: RDAPError.self) { try RDAPParser().parse(Data("[1,2]".utf8)) }
        #expect(throws: RDAPError.self) { try RDAPParser().parse(Data("{\"foo\":1}".utf8)) }
    }

    @Test(arguments: [
        ("10.0.0.0", "10.0.0.255", ["10.0.0.0/24"]),
        ("192.0.2.0", "192.0.2.130", ["192.0.2.0/25", "192.0.2.128/31", "192.0.2.130/32"]),
        ("0.0.0.0", "255.255.255.255", ["0.0.0.0/0"]),
        ("2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", ["2001:db8::/32"]),
    ])
    func computesCIDRsFromRange(_ start: String, _ end: String, _ expected: [String]) throws {
        #expect(try #require(IPRange(start: start, end: end)).cidrs == expected)
    }
}
