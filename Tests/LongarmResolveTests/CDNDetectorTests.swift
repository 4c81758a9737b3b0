import Foundation
import LongarmCore
import Testing

@testable import LongarmResolve

private func shipped() throws -> CDNDetector {
    try CDNDetector.loadShipped(locator: ResolveDataLocator(candidates: [FixturePaths.shippedData]))
}

private func nested() throws -> CDNDetector {
    let url = try FixturePaths.fixture("cdn/nested.json")
    return try CDNDetector(data: Data(contentsOf: url), sourceName: "nested.json")
}

private func ip(_ text: String) throws -> IPAddress { try #require(IPAddress(text)) }

@Test(arguments: [
    ("104.16.1.1", "Cloudflare", "104.16.1.1 in 104.16.0.0/13"),
    ("2606:4700::6810:84e5", "Cloudflare", "2606:4700::6810:84e5 in 2606:4700::/32"),
    ("::ffff:172.67.1.1", "Cloudflare", "172.67.1.1 in 172.64.0.0/13"),
    ("151.101.1.69", "Fastly", "151.101.1.69 in 151.101.0.0/16"),
    ("2a04:4e42::81", "Fastly", "2a04:4e42::81 in 2a04:4e42::/32"),
    ("13.32.5.9", "Amazon CloudFront", "13.32.5.9 in 13.32.0.0/15"),
    ("23.2.3.4", "Akamai", "23.2.3.4 in 23.0.0.0/12 (uncertain range)"),
    ("142.250.74.46", "Google", "142.250.74.46 in 142.250.0.0/15"),
    ("192.88.135.1", "Sucuri", "192.88.135.1 in 192.88.134.0/23"),
    ("45.60.10.10", "Imperva Incapsula", "45.60.10.10 in 45.60.0.0/16"),
])
func matchesShippedRanges(address: String, provider: String, evidence: String) throws {
    let match = try #require(try shipped().match(address: ip(address)))
    #expect(match.name == provider)
    #expect(match.evidence == evidence)
    #expect(match.source == FactSource(.ranges, server: "cdn/providers.json"))
}

@Test(arguments: ["88.198.21.14", "2a01:4f8::1", "192.0.2.1", "104.15.255.255"])
func leavesOtherAddressesAlone(address: String) throws {
    #expect(try shipped().match(address: ip(address)) == nil)
}

@Test func picksTheMostSpecificRange() throws {
    let detector = try nested()
    #expect(try detector.match(address: ip("10.1.2.3"))?.name == "Narrow")
    #expect(try detector.match(address: ip("10.1.2.3"))?.evidence == "10.1.2.3 in 10.1.0.0/16 (uncertain range)")
    #expect(try detector.match(address: ip("10.2.0.1"))?.name == "Wide")
    #expect(try detector.match(address: ip("2001:db8:1:ff::1"))?.name == "Narrow")
    #expect(try detector.match(address: ip("2001:db8:2::1"))?.name == "Wide")
    #expect(try detector.match(address: ip("11.0.0.1")) == nil)
    #expect(detector.match(cnameChain: ["a.edge.cdn.test"])?.name == "Narrow")
    #expect(detector.match(cnameChain: ["a.other.cdn.test"])?.name == "Wide")
}

@Test(arguments: [
    (
        ["www.example.com", "www.example.com.cdn.cloudflare.net"], "Cloudflare",
        "www.example.com.cdn.cloudflare.net ends in cdn.cloudflare.net"
    ),
    (
        ["shop.example", "shop.example.edgekey.net.", "e1234.a.akamaiedge.net"], "Akamai",
        "shop.example.edgekey.net ends in edgekey.net"
    ),
    (
        ["img.example", "D111111ABCDEF8.CLOUDFRONT.NET"], "Amazon CloudFront",
        "d111111abcdef8.cloudfront.net ends in cloudfront.net"
    ),
    (
        ["static.example", "static.example.w.kunlunsl.com"], "Alibaba Cloud CDN",
        "static.example.w.kunlunsl.com ends in kunlun*.com"
    ),
    (["x.example", "x.b-cdn.net"], "BunnyCDN", "x.b-cdn.net ends in b-cdn.net"),
    (["x.example", "dualstack.global.fastly.net"], "Fastly", "dualstack.global.fastly.net ends in fastly.net"),
    (["x.example", "x.azureedge.net"], "Microsoft Azure Front Door", "x.azureedge.net ends in azureedge.net"),
])
func matchesCNAMESuffixes(chain: [String], provider: String, evidence: String) throws {
    let match = try #require(try shipped().match(cnameChain: chain))
    #expect(match.name == provider)
    #expect(match.evidence == evidence)
    #expect(match.source.method == .cname)
}

@Test(arguments: [["notcloudfront.net"], ["fastly.net.example.com"], ["www.example.com"], ["kunlun.org"], []])
func ignoresNamesThatOnlyLookAlike(chain: [String]) throws {
    #expect(try shipped().match(cnameChain: chain) == nil)
}

@Test(arguments: [
    ([HTTPHeader("Date", "x"), HTTPHeader("CF-RAY", "8a1b2c3d4e5f-FRA")], "Cloudflare", "CF-RAY: 8a1b2c3d4e5f-FRA"),
    ([HTTPHeader("Server", "cloudflare")], "Cloudflare", "Server: cloudflare"),
    ([HTTPHeader("X-Served-By", "cache-fra-eddf8230123-FRA")], "Fastly", "X-Served-By: cache-fra-eddf8230123-FRA"),
    ([HTTPHeader("X-Amz-Cf-Id", "abc==")], "Amazon CloudFront", "X-Amz-Cf-Id: abc=="),
    ([HTTPHeader("X-Akamai-Transformed", "9 - 0 pmb=mRUM,1")], "Akamai", "X-Akamai-Transformed: 9 - 0 pmb=mRUM,1"),
    ([HTTPHeader("X-Sucuri-ID", "19015")], "Sucuri", "X-Sucuri-ID: 19015"),
    ([HTTPHeader("X-CDN", "Imperva")], "Imperva Incapsula", "X-CDN: Imperva"),
    ([HTTPHeader("Server", "ddos-guard")], "DDoS-Guard", "Server: ddos-guard"),
    ([HTTPHeader("Server", "BunnyCDN-DE1-753")], "BunnyCDN", "Server: BunnyCDN-DE1-753"),
])
func matchesResponseHeaders(headers: [HTTPHeader], provider: String, evidence: String) throws {
    let match = try #require(try shipped().match(headers: headers))
    #expect(match.name == provider)
    #expect(match.evidence == evidence)
    #expect(match.source.method == .header)
}

@Test func ignoresHeadersWithoutASignature() throws {
    let detector = try shipped()
    #expect(detector.match(headers: [HTTPHeader("Server", "nginx/1.25"), HTTPHeader("X-Served-By", "web-3")]) == nil)
    #expect(detector.match(headers: []) == nil)
}

@Test func saysWhetherTheOriginIsHiddenAndHowItIsRevealed() throws {
    let detector = try shipped()
    let cloudflare = try #require(detector.provider(named: "Cloudflare"))
    #expect(cloudflare.hidesOrigin)
    #expect(cloudflare.revealedByUncertain == false)
    #expect(cloudflare.revealedBy?.contains("abuse.cloudflare.com") == true)
    #expect(try #require(detector.provider(named: "Fastly")).revealedByUncertain == true)
    #expect(try #require(detector.provider(named: "Google Cloud")).hidesOrigin == false)
    #expect(try #require(detector.provider(named: "Sucuri")).hidesOrigin)
}

@Test func shippedRangesPassTheSanityGuards() throws {
    // Guards from the cdn-ranges updater: no IPv4 range wider than /8, no IPv6 range wider than /20.
    let detector = try shipped()
    for provider in detector.providers {
        #expect(!provider.rangesSource.isEmpty)
        #expect(provider.rangesDate.count == 10)
        for range in provider.ranges {
            let cidr = try #require(CIDR(range.cidr))
            #expect(cidr.prefixLength >= (cidr.family == .v4 ? 8 : 20), "\(provider.name) \(range.cidr)")
            #expect(cidr.description == range.cidr, "\(provider.name) \(range.cidr) is not canonical")
        }
    }
    #expect(detector.providers.count >= 14)
}

@Test func namesTheProviderOfABadRange() {
    let json = #"""
        {"providers": [{"name": "Broken", "kind": "cdn", "rangesSource": "t", "rangesDate": "2026-01-01",
          "ranges": ["1.2.3.0/24", "1.2.3.999/24"], "cnameSuffixes": [], "nameServerSuffixes": [], "headers": []}]}
        """#
    let error = #expect(throws: ResolveDataError.self) {
        try CDNDetector(data: Data(json.utf8), sourceName: "providers.json")
    }
    #expect(error?.description == #"providers.json: Broken: "1.2.3.999/24" is not a CIDR range"#)
}

@Test func turnsAMatchIntoOriginFacts() throws {
    let detector = try shipped()
    let cloudflare = detector.origin(for: try detector.match(address: ip("104.16.1.1")))
    #expect(cloudflare.hidden)
    #expect(cloudflare.revealedBy?.hasPrefix("Cloudflare's abuse form") == true)
    #expect(cloudflare.revealedBy?.hasSuffix("(unconfirmed)") == false)
    let fastly = detector.origin(for: detector.match(cnameChain: ["x.fastly.net"]))
    #expect(fastly.hidden)
    #expect(fastly.revealedBy?.hasSuffix("(unconfirmed)") == true)
    #expect(detector.origin(for: try detector.match(address: ip("34.64.1.1"))) == OriginFacts())
    #expect(detector.origin(for: nil) == OriginFacts())
}
