import Foundation
public import Logging
public import LongarmCore

/// Captures a URL statically: performs the exchanges itself, following redirects, and records what it saw.
///
/// No script runs; what is preserved is exactly what the server sent to a plain HTTP client. Redirects are
/// followed by the capturer (not the HTTP client) so that every hop is its own recorded exchange.
public struct EvidenceCapturer: Sendable {
    private let fetcher: any HTTPFetching
    private let resolver: (any DNSResolving)?
    private let clock: any EvidenceClock
    private let configuration: CaptureConfiguration
    private let logger: Logger

    /// Creates a capturer over the given I/O edges.
    public init(
        fetcher: any HTTPFetching,
        resolver: (any DNSResolving)? = nil,
        clock: any EvidenceClock = SystemEvidenceClock(),
        configuration: CaptureConfiguration,
        logger: Logger = Logger(label: "longarm.evidence")
    ) {
        self.fetcher = fetcher
        self.resolver = resolver
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
    }

    private static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Captures `url`, following at most `maxRedirects` redirects.
    ///
    /// Throws when the URL is malformed, its host resolves to a non-public address (unless allowed), or the
    /// first exchange produced no response; a later hop that fails ends the capture with a `stopReason`.
    public func capture(url: String) async throws -> CapturedPage {
        let startedAt = clock.now()
        var current = try Self.checkedURL(url)
        var page = CapturedPage(
            url: url,
            finalURL: url,
            startedAt: startedAt,
            clockSource: clock.source,
            toolVersion: configuration.toolVersion,
            exchanges: [],
            resolution: [],
            stopReason: nil
        )
        var visited: Set<String> = []
        var resolvedHosts: Set<String> = []
        while true {
            let host = (current.host ?? "").lowercased()
            if !resolvedHosts.contains(host) {
                resolvedHosts.insert(host)
                let facts = await resolve(host)
                page.resolution += facts
                try guardAddresses(host: host, facts: facts, url: current.absoluteString)
            }
            visited.insert(current.absoluteString)
            var request = HTTPRequest(
                url: current.absoluteString,
                headers: [HTTPHeader("User-Agent", configuration.userAgent), HTTPHeader("Accept", "*/*")],
                maxBodyBytes: configuration.maxBodyBytes,
                timeout: configuration.timeout,
                captureCertificates: true
            )
            request.method = "GET"
            logger.debug("evidence fetch", metadata: ["evidence.url": "\(current.absoluteString)"])
            let exchange: HTTPExchange
            do {
                exchange = try await fetcher.fetch(request)
            } catch {
                if page.exchanges.isEmpty { throw error }
                page.stopReason = "\(current.absoluteString): no response: \(error)"
                break
            }
            page.exchanges.append(exchange)
            page.finalURL = current.absoluteString
            guard Self.redirectStatuses.contains(exchange.status), let location = exchange.header("Location") else {
                break
            }
            guard let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                page.stopReason = "\(current.absoluteString): unusable Location \"\(location)\""
                break
            }
            var components = URLComponents(url: next, resolvingAgainstBaseURL: true)
            components?.fragment = nil
            guard let nextURL = components?.url, ["http", "https"].contains(nextURL.scheme?.lowercased() ?? "") else {
                page.stopReason = "\(current.absoluteString): redirect to unsupported URL \"\(location)\""
                break
            }
            if visited.contains(nextURL.absoluteString) {
                page.stopReason = "redirect loop: \(current.absoluteString) leads back to \(nextURL.absoluteString)"
                break
            }
            if page.exchanges.count > configuration.maxRedirects {
                page.stopReason = "redirect limit (\(configuration.maxRedirects)) reached at \(nextURL.absoluteString)"
                break
            }
            current = nextURL
        }
        return page
    }

    private static func checkedURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            throw EvidenceError(.badTarget, "\(text): not an absolute http or https URL")
        }
        return url
    }

    private func resolve(_ host: String) async -> [ResolutionFact] {
        guard let resolver else { return [] }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare.contains(":") || bare.split(separator: ".").allSatisfy({ UInt8($0) != nil }) { return [] }
        var facts: [ResolutionFact] = []
        for type in [DNSRecordType.a, .aaaa, .cname] {
            do {
                let answer = try await resolver.query(bare, type: type)
                facts.append(
                    ResolutionFact(
                        name: bare,
                        type: type,
                        rcode: answer.rcode,
                        server: answer.server,
                        records: answer.records
                    )
                )
            } catch {
                facts.append(
                    ResolutionFact(name: bare, type: type, rcode: nil, server: nil, records: [], error: "\(error)")
                )
            }
        }
        return facts
    }

    private func guardAddresses(host: String, facts: [ResolutionFact], url: String) throws {
        guard !configuration.allowPrivateTargets else { return }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let addresses = [bare] + facts.flatMap { $0.records.filter { $0.type == .a || $0.type == .aaaa }.map(\.data) }
        if let bad = addresses.first(where: AddressGuard.isNonPublic) {
            throw EvidenceError(
                .badTarget,
                "\(url): host \(host) resolves to non-public address \(bad); pass --allow-private-targets to capture it"
            )
        }
    }
}
