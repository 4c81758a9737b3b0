import LongarmNet
import Testing

@Suite struct ConnectToRuleTests {
    @Test func parsesAllFourFields() throws {
        let rule = try ConnectToRule(parsing: "WHOIS.Verisign-GRS.com:43:127.0.0.1:4343")
        #expect(rule.host == "whois.verisign-grs.com")
        #expect(rule.port == 43)
        #expect(rule.target == "127.0.0.1")
        #expect(rule.targetPort == 4343)
        #expect(rule.matches(host: "whois.verisign-grs.com", port: 43))
        #expect(!rule.matches(host: "whois.verisign-grs.com", port: 80))
        #expect(!rule.matches(host: "whois.ripe.net", port: 43))
    }

    @Test func emptyHostAndPortMatchAny() throws {
        let anyHost = try ConnectToRule(parsing: ":443:127.0.0.1:8443")
        #expect(anyHost.host == nil)
        #expect(anyHost.matches(host: "rdap.arin.net", port: 443))
        #expect(!anyHost.matches(host: "rdap.arin.net", port: 80))
        let anyPort = try ConnectToRule(parsing: "example.com::127.0.0.1:")
        #expect(anyPort.matches(host: "example.com", port: 8080))
        #expect(anyPort.destination(host: "example.com", port: 8080) == ("127.0.0.1", 8080))
    }

    @Test func keepsBracketedIPv6TargetsWhole() throws {
        let rule = try ConnectToRule(parsing: "[2001:db8::1]:80:[::1]:8080")
        #expect(rule.host == "2001:db8::1")
        #expect(rule.target == "::1")
        #expect(rule.matches(host: "[2001:db8::1]", port: 80))
        #expect(rule.description == "[2001:db8::1]:80:[::1]:8080")
    }

    @Test func firstMatchingRuleWins() throws {
        let rules = try ConnectToRule.parseList([
            "whois.ripe.net:43:127.0.0.1:1001, :43:127.0.0.1:1002", ":80:127.0.0.1:1003",
        ])
        #expect(rules.count == 3)
        #expect(ConnectToRule.destination(for: "whois.ripe.net", port: 43, in: rules)?.port == 1001)
        #expect(ConnectToRule.destination(for: "whois.arin.net", port: 43, in: rules)?.port == 1002)
        #expect(ConnectToRule.destination(for: "example.org", port: 80, in: rules)?.port == 1003)
        #expect(ConnectToRule.destination(for: "example.org", port: 443, in: rules) == nil)
    }

    @Test(arguments: [
        ("example.com:80:127.0.0.1", "4 fields"),
        ("example.com:eighty:127.0.0.1:80", "port \"eighty\""),
        ("example.com:80:127.0.0.1:70000", "port \"70000\""),
        ("[::1:80:127.0.0.1:80", "unclosed"),
        ("exa mple.com:80:127.0.0.1:80", "not a host name"),
    ])
    func rejectsMalformedRuleNamingIt(text: String, problem: String) {
        #expect {
            try ConnectToRule(parsing: text)
        } throws: { error in
            let message = "\(error)"
            return (error as? NetError)?.code == .invalidConnectToRule && message.contains(text)
                && message.contains(problem)
        }
    }
}
