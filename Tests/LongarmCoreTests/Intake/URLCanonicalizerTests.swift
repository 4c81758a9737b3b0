import Testing

@testable import LongarmCore

@Suite struct URLCanonicalizerTests {
    static let canonicalizer = URLCanonicalizer(publicSuffixList: PublicSuffixListTests.list)

    // Expected A-labels were checked against the Python `idna` package (UTS 46, nontransitional).
    static let accepted: [(String, String)] = [
        // The demo batch.
        (
            "https://www.FaceSwap-Clips.com/watch/8841?ref=share#t=30",
            "https://www.faceswap-clips.com/watch/8841?ref=share"
        ),
        (
            "HTTPS://www.faceswap-clips.com:443/watch/8841?ref=share",
            "https://www.faceswap-clips.com/watch/8841?ref=share"
        ),
        ("http://videos.deepclip-host.net:80/v/8841", "http://videos.deepclip-host.net/v/8841"),
        ("https://v6.clipmirror.org/clip/8841", "https://v6.clipmirror.org/clip/8841"),
        ("https://mirror.fakevid.ru/v/8841", "https://mirror.fakevid.ru/v/8841"),
        ("https://视频分享.com/watch/8841", "https://xn--0lqq5fk74e2mm.com/watch/8841"),
        // Case, empty path, trailing dot, trimming.
        ("HtTp://Example.COM/A?B=C", "http://example.com/A?B=C"),
        ("http://example.com", "http://example.com/"),
        ("http://EXAMPLE.COM./Path", "http://example.com/Path"),
        ("  https://example.com/x  ", "https://example.com/x"),
        // Ports.
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com:80/", "https://example.com:80/"),
        ("http://example.com:443/", "http://example.com:443/"),
        ("http://example.com:/x", "http://example.com/x"),
        ("https://example.com:00443/", "https://example.com/"),
        // Percent-encoding.
        ("http://example.com/a%2fb%7e%41", "http://example.com/a%2Fb~A"),
        ("http://example.com/a b", "http://example.com/a%20b"),
        ("http://example.com/über?q=日本", "http://example.com/%C3%BCber?q=%E6%97%A5%E6%9C%AC"),
        ("http://example.com/100%", "http://example.com/100%25"),
        ("http://example.com/%zz", "http://example.com/%25zz"),
        ("http://example.com/p?q=a|b&r=c d", "http://example.com/p?q=a%7Cb&r=c%20d"),
        ("http://example.com/?a=1&b=%3d#frag", "http://example.com/?a=1&b=%3D"),
        ("http://example.com/@user:x;y=1", "http://example.com/@user:x;y=1"),
        ("http://ex%41mple.com/", "http://example.com/"),
        // Dot-segments, backslashes, empty query.
        ("http://example.com/a/./b/../c", "http://example.com/a/c"),
        ("http://example.com/../../x", "http://example.com/x"),
        ("http://example.com/%2e%2E/x/.", "http://example.com/x/"),
        ("http://example.com/a\\b", "http://example.com/a/b"),
        ("http://example.com?", "http://example.com/"),
        // IDN: Chinese, Japanese, Cyrillic, Arabic, Greek, Thai, Korean, Latin.
        ("http://日本語.jp/", "http://xn--wgv71a119e.jp/"),
        ("http://例え.テスト/", "http://xn--r8jz45g.xn--zckzah/"),
        ("http://例え。テスト/", "http://xn--r8jz45g.xn--zckzah/"),
        ("http://ドメイン名例．jp/", "http://xn--eckwd4c7cu47r2wf.jp/"),
        ("https://пример.рф/путь", "https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C"),
        ("https://Пример.РФ", "https://xn--e1afmkfd.xn--p1ai/"),
        ("http://مثال.إختبار/", "http://xn--mgbh0fb.xn--kgbechtv/"),
        ("http://موقع.وزارة-الاتصالات.مصر/", "http://xn--4gbrim.xn----ymcbaaajlc6dj7bxne2c.xn--wgbh1c/"),
        ("http://ΣΑΣ.gr/", "http://xn--mxa9ab.gr/"),
        ("http://ไทย.th/", "http://xn--o3cw4h.th/"),
        ("http://한국.kr/", "http://xn--3e0b707e.kr/"),
        ("http://bücher.de", "http://xn--bcher-kva.de/"),
        ("http://faß.de", "http://xn--fa-hia.de/"),
        ("http://ＥＸＡＭＰＬＥ．ｃｏｍ/", "http://example.com/"),
        ("http://xn--r8jz45g.XN--ZCKZAH/", "http://xn--r8jz45g.xn--zckzah/"),
        ("http://r3---sn-abc.googlevideo.com/v", "http://r3---sn-abc.googlevideo.com/v"),
        ("http://my_site.example.com/", "http://my_site.example.com/"),
        // Addresses.
        ("http://192.168.0.1:8080/", "http://192.168.0.1:8080/"),
        ("http://１９２.０.２.１/", "http://192.0.2.1/"),
        ("http://[2001:DB8:0:0:0:0:0:1]/", "http://[2001:db8::1]/"),
        ("https://[::FFFF:192.0.2.1]:443/", "https://[::ffff:192.0.2.1]/"),
        ("http://[2001:db8:0:0:1:0:0:1]/", "http://[2001:db8::1:0:0:1]/"),
        ("http://[2001:0db8:0000:0000:0000:ff00:0042:8329]", "http://[2001:db8::ff00:42:8329]/"),
        ("http://[2001:db8:0:1:1:1:1:1]:8443/x", "http://[2001:db8:0:1:1:1:1:1]:8443/x"),
        ("http://[::]/", "http://[::]/"),
    ]

    static let rejected: [(String, IntakeError.Code)] = [
        ("ftp://example.com/x", .unsupportedScheme),
        ("javascript:alert(1)", .unsupportedScheme),
        ("mailto:someone@example.com", .unsupportedScheme),
        ("example.com/path", .malformedURL),
        ("", .malformedURL),
        ("   ", .malformedURL),
        ("http:example.com", .malformedURL),
        ("http://exam\tple.com/", .malformedURL),
        ("http://example.com/\nx", .malformedURL),
        ("http://user:secret@example.com/", .malformedURL),
        ("http://example.com@evil.example/", .malformedURL),
        ("http://example.com:99999/", .malformedURL),
        ("http://example.com:8o/", .malformedURL),
        ("http://", .invalidHost),
        ("http:///path", .invalidHost),
        ("http://999.1.1.1/", .invalidHost),
        ("http://1.2.3/", .invalidHost),
        ("http://010.0.0.1/", .invalidHost),
        ("http://0x7f.0.0.1/", .invalidHost),
        ("http://exa mple.com/", .invalidHost),
        ("http://ex<ample.com/", .invalidHost),
        ("http://-example.com/", .invalidHost),
        ("http://example-.com/", .invalidHost),
        ("http://a..b.com/", .invalidHost),
        ("http://" + String(repeating: "a", count: 64) + ".com/", .invalidHost),
        (
            "http://" + Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: ".") + "/",
            .invalidHost
        ),
        ("http://xn--a.com/", .invalidHost),
        ("http://例え\u{3000}テスト/", .invalidHost),
        ("http://\u{0301}ab.com/", .invalidHost),
        ("http://ab--例え.jp/", .invalidHost),
        ("http://[2001:db8::1/", .invalidHost),
        ("http://[2001:db8:::1]/", .invalidHost),
        ("http://[fe80::1%25eth0]/", .invalidHost),
        ("http://[1:2:3:4:5:6:7:8:9]/", .invalidHost),
        ("http://[::1]x/", .invalidHost),
    ]

    @Test func tableHasAtLeastFortyCases() {
        #expect(Self.accepted.count + Self.rejected.count >= 40)
    }

    @Test(arguments: accepted)
    func canonicalizes(_ input: String, _ expected: String) throws {
        let url = try Self.canonicalizer.canonicalize(input)
        #expect(url.canonical == expected)
        #expect(url.original == input)
    }

    @Test(arguments: rejected)
    func rejects(_ input: String, _ code: IntakeError.Code) {
        let error = #expect(throws: IntakeError.self) { try Self.canonicalizer.canonicalize(input) }
        #expect(error?.code == code)
        #expect(error?.input == input)
    }

    @Test func splitsIntoComponents() throws {
        let url = try Self.canonicalizer.canonicalize("HTTP://Sub.Example.co.uk:8080/a/../b?x=1#f")
        #expect(url.scheme == "http")
        #expect(url.host == "sub.example.co.uk")
        #expect(url.port == 8080)
        #expect(url.path == "/b")
        #expect(url.query == "x=1")
        #expect(url.registrableDomain == "example.co.uk")
        #expect(!url.hostIsAddress)
    }

    @Test func addressHasNoRegistrableDomain() throws {
        let v4 = try Self.canonicalizer.canonicalize("http://203.0.113.9/")
        let v6 = try Self.canonicalizer.canonicalize("http://[2001:db8::2]/")
        #expect(v4.registrableDomain == nil && v4.hostIsAddress)
        #expect(v6.registrableDomain == nil && v6.host == "[2001:db8::2]")
    }

    @Test func registrableDomainOfIDNHostIsInALabels() throws {
        let url = try Self.canonicalizer.canonicalize("https://www.食狮.公司.cn/")
        #expect(url.registrableDomain == "xn--85x722f.xn--55qx5d.cn")
    }

    @Test func errorNamesInputAndRealHostForUserInfo() {
        do {
            _ = try Self.canonicalizer.canonicalize("http://bank.example@evil.example/login")
            Issue.record("accepted user information")
        } catch {
            #expect(error.description.contains("\"http://bank.example@evil.example/login\""))
            #expect(error.description.contains("the host is \"evil.example\""))
        }
    }
}
