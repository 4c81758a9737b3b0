import LongarmNet
import Testing

@Suite struct NetConfigurationTests {
    @Test func readsEnvironment() throws {
        let configuration = try NetConfiguration.fromEnvironment(
            [
                "LONGARM_CONNECT_TO": ":80:127.0.0.1:8080,:443:127.0.0.1:8443",
                "LONGARM_DNS": "[::1]:5353",
                "LONGARM_CACERT": "/tmp/ca.pem",
                "LONGARM_TIMEOUT": "2.5",
                "LONGARM_ALLOW_PRIVATE": "1",
            ],
            version: "9.9.9"
        )
        #expect(configuration.connectTo.map(\.description) == [":80:127.0.0.1:8080", ":443:127.0.0.1:8443"])
        #expect(configuration.dnsServers == [SocketEndpoint(host: "::1", port: 5353)])
        #expect(configuration.caFile == "/tmp/ca.pem")
        #expect(configuration.timeout == .milliseconds(2500))
        #expect(configuration.allowPrivateTargets)
        #expect(configuration.userAgent == "Longarm/9.9.9")
    }

    @Test func flagsWinOverEnvironment() throws {
        let configuration = try NetConfiguration.fromEnvironment(
            [
                "LONGARM_CONNECT_TO": ":80:127.0.0.1:8080", "LONGARM_DNS": "127.0.0.1:5353",
                "LONGARM_ALLOW_PRIVATE": "1",
            ],
            connectTo: [":443:127.0.0.1:9443"],
            dns: "127.0.0.2:53",
            timeout: 1,
            allowPrivateTargets: false,
            version: "1"
        )
        #expect(configuration.connectTo.map(\.description) == [":443:127.0.0.1:9443"])
        #expect(configuration.dnsServers == [SocketEndpoint(host: "127.0.0.2", port: 53)])
        #expect(configuration.timeout == .seconds(1))
        #expect(!configuration.allowPrivateTargets)
    }

    @Test(arguments: ["127.0.0.1:", "127.0.0.1:99999", "[::1", ":53"])
    func rejectsMalformedDNSServer(text: String) {
        #expect(throws: NetError.self) {
            try NetConfiguration.fromEnvironment(["LONGARM_DNS": text], version: "1")
        }
    }

    @Test func rejectsMalformedConnectToFromEnvironment() {
        #expect {
            try NetConfiguration.fromEnvironment(["LONGARM_CONNECT_TO": ":80:127.0.0.1:8080,bogus"], version: "1")
        } throws: { error in
            (error as? NetError)?.code == .invalidConnectToRule && "\(error)".contains("\"bogus\"")
        }
    }

    @Test func dnsClientReadsServersFromResolvConf() throws {
        let text = """
            # comment
            search example.org
            nameserver 192.0.2.53
            nameserver   2001:db8::53%eth0
            nameserver not-an-address
            options edns0
            """
        #expect(
            DNSClient.serversInResolvConf(text) == [
                SocketEndpoint(host: "192.0.2.53", port: 53), SocketEndpoint(host: "2001:db8::53", port: 53),
            ]
        )
    }
}
