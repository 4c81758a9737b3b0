public import Foundation
public import LongarmCore

/// The IANA RDAP bootstrap (RFC 9224): which RDAP server answers for a domain, an address or an AS number.
///
/// Built from a folder in IANA's format (`dns.json`, `ipv4.json`, `ipv6.json`, `asn.json`) plus an optional
/// `overrides.json` of the same shape for TLDs IANA does not list. IANA's entry wins when both name the same
/// label; an override only fills gaps. Base URLs are normalised to end in `/`, `https` before `http`.
public struct RDAPBootstrap: Sendable {
    /// The four files of an IANA bootstrap folder, in the order IANA publishes them.
    public static let fileNames = ["dns.json", "ipv4.json", "ipv6.json", "asn.json"]
    /// The optional overrides file in a bootstrap folder.
    public static let overridesFileName = "overrides.json"

    /// The `publication` date of each loaded file, by file name.
    public let publications: [String: String]
    private let domains: [String: [URL]]
    private let networks: [(cidr: CIDR, urls: [URL])]
    private let asRanges: [(range: ClosedRange<UInt32>, urls: [URL])]

    /// Builds the bootstrap from decoded files; `overrides` (dns-shaped) fills TLDs missing from `dns`.
    public init(
        dns: RDAPBootstrapFile,
        ipv4: RDAPBootstrapFile,
        ipv6: RDAPBootstrapFile,
        asn: RDAPBootstrapFile,
        overrides: RDAPBootstrapFile? = nil
    ) throws(ResolveDataError) {
        var domains: [String: [URL]] = [:]
        for service in overrides?.services ?? [] {
            let urls = try Self.baseURLs(service.urls, file: Self.overridesFileName)
            for label in service.entries { domains[Self.normalised(label)] = urls }
        }
        for service in dns.services {
            let urls = try Self.baseURLs(service.urls, file: "dns.json")
            for label in service.entries { domains[Self.normalised(label)] = urls }
        }
        var networks: [(cidr: CIDR, urls: [URL])] = []
        for (file, name) in [(ipv4, "ipv4.json"), (ipv6, "ipv6.json")] {
            for service in file.services {
                let urls = try Self.baseURLs(service.urls, file: name)
                for entry in service.entries {
                    guard let cidr = CIDR(entry) else {
                        throw ResolveDataError(.malformed, file: name, detail: "\"\(entry)\" is not a CIDR prefix")
                    }
                    networks.append((cidr, urls))
                }
            }
        }
        // Longest prefix first, so the first containing network is the most specific.
        networks.sort { $0.cidr.prefixLength > $1.cidr.prefixLength }
        var asRanges: [(range: ClosedRange<UInt32>, urls: [URL])] = []
        for service in asn.services {
            let urls = try Self.baseURLs(service.urls, file: "asn.json")
            for entry in service.entries {
                guard let range = Self.asRange(entry) else {
                    throw ResolveDataError(
                        .malformed,
                        file: "asn.json",
                        detail: "\"\(entry)\" is not an AS number range"
                    )
                }
                asRanges.append((range, urls))
            }
        }
        asRanges.sort { $0.range.lowerBound < $1.range.lowerBound }
        self.domains = domains
        self.networks = networks
        self.asRanges = asRanges
        var publications: [String: String] = [:]
        for (name, file) in zip(Self.fileNames, [dns, ipv4, ipv6, asn]) { publications[name] = file.publication }
        if let overrides { publications[Self.overridesFileName] = overrides.publication }
        self.publications = publications
    }

    /// Loads a bootstrap folder; `overridesFile` defaults to the folder's `overrides.json` when present.
    public static func load(directory: URL, overridesFile: URL? = nil) throws(ResolveDataError) -> RDAPBootstrap {
        var files: [RDAPBootstrapFile] = []
        for name in fileNames {
            files.append(try read(directory.appendingPathComponent(name)))
        }
        let overridesURL = overridesFile ?? directory.appendingPathComponent(overridesFileName)
        let overrides =
            overridesFile != nil || FileManager.default.fileExists(atPath: overridesURL.path)
            ? try read(overridesURL) : nil
        return try RDAPBootstrap(dns: files[0], ipv4: files[1], ipv6: files[2], asn: files[3], overrides: overrides)
    }

    /// Loads the shipped snapshot, `Data/rdap/`, found by `locator`.
    package static func loadShipped(
        locator: ResolveDataLocator = ResolveDataLocator()
    ) throws(ResolveDataError)
        -> RDAPBootstrap
    {
        try load(directory: try locator.locate("rdap/dns.json").deletingLastPathComponent())
    }

    /// Base URLs for `domain`: the service of its longest matching label suffix (`a.b.example.com` tries
    /// `a.b.example.com`, `b.example.com`, `example.com`, then `com`). Empty when no service is known.
    public func serviceURLs(forDomain domain: String) -> [URL] {
        var labels = Self.normalised(domain).split(separator: ".")
        while !labels.isEmpty {
            if let urls = domains[labels.joined(separator: ".")] { return urls }
            labels.removeFirst()
        }
        return []
    }

    /// Base URLs of the most specific network holding `address` (IPv4-mapped addresses count as IPv4).
    public func serviceURLs(forIP address: IPAddress) -> [URL] {
        let address = address.unmappedV4 ?? address
        return networks.first { $0.cidr.contains(address) }?.urls ?? []
    }

    /// Base URLs of the range holding AS number `asn`.
    public func serviceURLs(forASN asn: UInt32) -> [URL] {
        var low = 0
        var high = asRanges.count
        while low < high {
            let middle = (low + high) / 2
            if asRanges[middle].range.lowerBound <= asn { low = middle + 1 } else { high = middle }
        }
        guard low > 0, asRanges[low - 1].range.contains(asn) else { return [] }
        return asRanges[low - 1].urls
    }

    private static func read(_ url: URL) throws(ResolveDataError) -> RDAPBootstrapFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw ResolveDataError(
                exists ? .unreadable : .notFound,
                file: url.path,
                detail: exists ? "cannot be read" : "does not exist"
            )
        }
        return try RDAPBootstrapFile.decode(data, file: url.path)
    }

    private static func normalised(_ label: String) -> String {
        var text = label.trimmingCharacters(in: .whitespaces).lowercased()
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func asRange(_ entry: String) -> ClosedRange<UInt32>? {
        let parts = entry.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let low = UInt32(parts[0]), let high = UInt32(parts[parts.count - 1]),
            low <= high
        else { return nil }
        return low...high
    }

    /// Valid http(s) base URLs ending in `/`, `https` first; an entry that is not a URL is an error.
    static func baseURLs(_ texts: [String], file: String) throws(ResolveDataError) -> [URL] {
        var urls: [URL] = []
        for text in texts {
            let withSlash = text.hasSuffix("/") ? text : text + "/"
            guard let url = URL(string: withSlash), let scheme = url.scheme?.lowercased(),
                scheme == "https" || scheme == "http", url.host != nil
            else { throw ResolveDataError(.malformed, file: file, detail: "\"\(text)\" is not an http(s) URL") }
            urls.append(url)
        }
        return urls.filter { $0.scheme?.lowercased() == "https" } + urls.filter { $0.scheme?.lowercased() == "http" }
    }
}
