import Foundation
public import LongarmCore

/// Fetches a target's URL for a re-check: conditional on the last validators, following redirects up to a limit,
/// with the request's timeout and body byte limit. The HTTP client (libcurl in production) applies the
/// private-address guard to every address it connects to, redirects included.
public struct PageFetcher: Sendable {
    /// The HTTP client.
    public var http: any HTTPFetching
    /// Limit for one exchange.
    public var timeout: Duration
    /// Body bytes kept; a longer body is cut and its digest is that of the kept bytes.
    public var maxBodyBytes: Int
    /// Redirects followed before giving up.
    public var maxRedirects: Int

    /// Creates a fetcher.
    public init(http: any HTTPFetching, timeout: Duration, maxBodyBytes: Int, maxRedirects: Int) {
        self.http = http
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
    }

    /// Statuses that say the content is gone.
    public static let goneStatuses: Set<Int> = [404, 410, 451]

    /// Fetches `url`, sending `If-None-Match`/`If-Modified-Since` from `etag`/`lastModified` on the first request.
    ///
    /// - Throws: only `CancellationError`; every network failure becomes ``PageFetch/unusable(status:finalURL:reason:)``.
    public func fetch(_ url: String, etag: String?, lastModified: String?) async throws -> PageFetch {
        var current = url
        var seen: Set<String> = []
        for hop in 0...maxRedirects {
            var headers: [HTTPHeader] = []
            if hop == 0 {
                if let etag { headers.append(HTTPHeader("If-None-Match", etag)) }
                if let lastModified { headers.append(HTTPHeader("If-Modified-Since", lastModified)) }
            }
            let request = HTTPRequest(
                url: current,
                headers: headers,
                maxBodyBytes: maxBodyBytes,
                timeout: timeout,
                recordRequestHead: false
            )
            let exchange: HTTPExchange
            do {
                exchange = try await http.fetch(request)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                try Task.checkCancellation()
                return .unusable(status: nil, finalURL: hop == 0 ? nil : current, reason: "\(error)")
            }
            let status = exchange.status
            if status == 304 && hop == 0 { return .notModified(finalURL: current) }
            let found = Self.lookup(exchange.headers)
            if (300...399).contains(status), status != 304, let location = found["location"] {
                seen.insert(current)
                guard let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString,
                    next.hasPrefix("http://") || next.hasPrefix("https://")
                else {
                    return .unusable(
                        status: status,
                        finalURL: current,
                        reason: "redirect to \"\(location)\" cannot be followed"
                    )
                }
                if seen.contains(next) {
                    return .unusable(status: status, finalURL: current, reason: "redirect loop at \(next)")
                }
                current = next
                continue
            }
            if (200...299).contains(status) || Self.goneStatuses.contains(status) {
                return .response(
                    PageResponse(
                        status: status,
                        finalURL: current,
                        body: exchange.body,
                        digest: Hex.sha256(exchange.body),
                        contentType: found["content-type"],
                        etag: found["etag"],
                        lastModified: found["last-modified"],
                        truncated: exchange.bodyTruncated
                    )
                )
            }
            return .unusable(status: status, finalURL: current, reason: Self.reason(status))
        }
        return .unusable(status: nil, finalURL: current, reason: "more than \(maxRedirects) redirects")
    }

    /// The first value of each header the fetcher reads, by lower-cased name (ASCII folding: header names are
    /// ASCII, and Foundation's case-insensitive comparison is costly at thousands of checks a second).
    private static func lookup(_ headers: [HTTPHeader]) -> [String: String] {
        var values: [String: String] = [:]
        for header in headers {
            let name = String(decoding: header.name.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            if wanted.contains(name), values[name] == nil { values[name] = header.value }
        }
        return values
    }

    private static let wanted: Set<String> = ["location", "content-type", "etag", "last-modified"]

    private static func reason(_ status: Int) -> String {
        switch status {
        case 401, 403: "HTTP \(status): access refused (perhaps geo-blocked); not counted as removal"
        case 429: "HTTP 429: rate limited by the server; not counted either way"
        case 500...599: "HTTP \(status): the server failed; not counted either way"
        default: "HTTP \(status): says nothing about the content; not counted either way"
        }
    }
}
