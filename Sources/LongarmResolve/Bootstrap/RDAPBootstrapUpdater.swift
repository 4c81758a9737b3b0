public import Foundation
public import LongarmCore

/// Refreshes a bootstrap folder from IANA: fetches `dns.json`, `ipv4.json`, `ipv6.json` and `asn.json`,
/// checks each one and the set as a whole, and only then replaces the files (each by an atomic rename).
///
/// Nothing is written unless all four files are valid; `overrides.json` is never touched.
public struct RDAPBootstrapUpdater: Sendable {
    /// What changed for one file.
    public struct FileUpdate: Sendable, Hashable, Codable {
        /// The file name.
        public var file: String
        /// The URL it came from.
        public var url: String
        /// Its new `publication` date.
        public var publication: String?
        /// The `publication` date of the file it replaced, if there was one.
        public var previousPublication: String?
        /// The number of entries (labels, prefixes or AS ranges) in the new file.
        public var entries: Int
        /// The size of the new file in bytes.
        public var bytes: Int
    }

    /// IANA's folder of bootstrap files.
    public static let ianaBaseURL = "https://data.iana.org/rdap/"

    /// The HTTP client.
    public let fetcher: any HTTPFetching
    /// The folder URL the four files are fetched from (ends in `/`).
    public var baseURL: String
    /// The limit per request.
    public var timeout: Duration
    /// The most bytes accepted per file (IANA's dns.json is about 100 kB).
    public var maxBytes: Int
    /// A new file with fewer than this share of the current file's entries is refused, unless forced.
    public var minimumRetainedShare: Double = 0.7
    /// Redirects followed per file.
    public var maxRedirects = 3

    /// Creates an updater over `fetcher`.
    public init(
        fetcher: any HTTPFetching,
        baseURL: String = RDAPBootstrapUpdater.ianaBaseURL,
        timeout: Duration = .seconds(30),
        maxBytes: Int = 4 << 20
    ) {
        self.fetcher = fetcher
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.timeout = timeout
        self.maxBytes = maxBytes
    }

    /// Fetches, validates and writes the four files into `directory`; `force` skips the shrink check.
    public func update(directory: URL, force: Bool = false) async throws(RDAPBootstrapUpdateError) -> [FileUpdate] {
        var downloads: [(name: String, url: String, data: Data, file: RDAPBootstrapFile)] = []
        for name in RDAPBootstrap.fileNames {
            let url = baseURL + name
            let data = try await fetch(url)
            let file: RDAPBootstrapFile
            do {
                file = try RDAPBootstrapFile.decode(data, file: name)
            } catch {
                throw RDAPBootstrapUpdateError(.invalid, subject: url, detail: error.detail)
            }
            downloads.append((name, url, data, file))
        }
        do {
            // Every prefix, range and URL must parse before anything is replaced.
            _ = try RDAPBootstrap(
                dns: downloads[0].file,
                ipv4: downloads[1].file,
                ipv6: downloads[2].file,
                asn: downloads[3].file
            )
        } catch {
            throw RDAPBootstrapUpdateError(.invalid, subject: baseURL + error.file, detail: error.detail)
        }
        var updates: [FileUpdate] = []
        for download in downloads {
            let path = directory.appendingPathComponent(download.name)
            let previous = (try? Data(contentsOf: path)).flatMap {
                try? RDAPBootstrapFile.decode($0, file: download.name)
            }
            let entries = Self.entryCount(download.file)
            if !force, let previous, Double(entries) < Double(Self.entryCount(previous)) * minimumRetainedShare {
                throw RDAPBootstrapUpdateError(
                    .shrunk,
                    subject: download.url,
                    detail:
                        "lists \(entries) entries where \(path.path) lists \(Self.entryCount(previous)); not replaced (use --force)"
                )
            }
            updates.append(
                FileUpdate(
                    file: download.name,
                    url: download.url,
                    publication: download.file.publication,
                    previousPublication: previous?.publication,
                    entries: entries,
                    bytes: download.data.count
                )
            )
        }
        try write(downloads.map { ($0.name, $0.data) }, into: directory)
        return updates
    }

    private func fetch(_ url: String) async throws(RDAPBootstrapUpdateError) -> Data {
        var current = url
        for _ in 0...maxRedirects {
            let exchange: HTTPExchange
            do {
                exchange = try await fetcher.fetch(
                    HTTPRequest(
                        url: current,
                        headers: [HTTPHeader("Accept", "application/json")],
                        maxBodyBytes: maxBytes,
                        timeout: timeout
                    )
                )
            } catch {
                throw RDAPBootstrapUpdateError(.unreachable, subject: current, detail: "no response (\(error))")
            }
            if [301, 302, 303, 307, 308].contains(exchange.status) {
                guard let location = exchange.header("Location"),
                    let next = URL(string: location, relativeTo: URL(string: current)),
                    next.scheme?.lowercased() == "https"
                else {
                    throw RDAPBootstrapUpdateError(
                        .badResponse,
                        subject: current,
                        detail: "redirect without an https Location"
                    )
                }
                current = next.absoluteString
                continue
            }
            guard exchange.status == 200 else {
                throw RDAPBootstrapUpdateError(.badResponse, subject: current, detail: "HTTP status \(exchange.status)")
            }
            guard !exchange.bodyTruncated else {
                throw RDAPBootstrapUpdateError(.badResponse, subject: current, detail: "larger than \(maxBytes) bytes")
            }
            return exchange.body
        }
        throw RDAPBootstrapUpdateError(.badResponse, subject: url, detail: "more than \(maxRedirects) redirects")
    }

    /// Writes every file to a temporary name first, then renames each over the old one.
    private func write(_ files: [(name: String, data: Data)], into directory: URL) throws(RDAPBootstrapUpdateError) {
        let manager = FileManager.default
        var staged: [(URL, URL)] = []
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, data) in files {
                let temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
                try data.write(to: temporary)
                staged.append((temporary, directory.appendingPathComponent(name)))
            }
            for (temporary, final) in staged {
                if rename(temporary.path, final.path) != 0 {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
                }
            }
        } catch {
            for (temporary, _) in staged { try? manager.removeItem(at: temporary) }
            throw RDAPBootstrapUpdateError(
                .unwritable,
                subject: directory.path,
                detail: "cannot write the bootstrap files (\(error.localizedDescription))"
            )
        }
    }

    private static func entryCount(_ file: RDAPBootstrapFile) -> Int {
        file.services.reduce(0) { $0 + $1.entries.count }
    }
}
