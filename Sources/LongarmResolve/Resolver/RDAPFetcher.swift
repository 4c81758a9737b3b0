public import Foundation
public import LongarmCore

/// Fetches RDAP documents: follows redirects between registries, honours `429 Retry-After`, caps the
/// requests in flight per server, and counts what it asked for.
public struct RDAPFetcher: Sendable {
    /// The outcome of one RDAP lookup.
    public enum Outcome: Sendable {
        /// A document, and the URL that finally served it.
        case document(Data, url: String)
        /// The server has no such object (HTTP 404).
        case notFound(url: String)
        /// The lookup failed; the sentence names the server and the problem.
        case failed(String)
    }

    private let http: any HTTPFetching
    private let gate: HostGate
    private let maximumRedirects: Int
    private let maximumRetryAfter: Duration
    private let maximumBytes: Int
    private let timeout: Duration
    private let sleep: @Sendable (Duration) async throws -> Void
    private let policy: (any AddressPolicy)?

    /// Creates a fetcher.
    ///
    /// - Parameters:
    ///   - perServerLimit: requests in flight to one server.
    ///   - maximumRetryAfter: the longest `Retry-After` honoured; a longer one is a failure.
    ///   - policy: refuses redirects to hosts given as private or loopback address literals.
    public init(
        http: any HTTPFetching,
        perServerLimit: Int = 4,
        maximumRedirects: Int = 5,
        maximumRetryAfter: Duration = .seconds(30),
        maximumBytes: Int = 2 << 20,
        timeout: Duration = .seconds(15),
        policy: (any AddressPolicy)? = nil,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.http = http
        self.gate = HostGate(limit: perServerLimit)
        self.maximumRedirects = maximumRedirects
        self.maximumRetryAfter = maximumRetryAfter
        self.maximumBytes = maximumBytes
        self.timeout = timeout
        self.policy = policy
        self.sleep = sleep
    }

    /// Fetches `url`, following redirects.
    public func fetch(_ url: String) async -> Outcome {
        var current = url
        var seen: Set<String> = [url]
        var retried = false
        for _ in 0...maximumRedirects {
            guard let host = URL(string: current)?.host else { return .failed("\(current): not an RDAP URL") }
            if let refusal = policy?.refusal(for: host) { return .failed("\(current): \(refusal)") }
            let exchange: HTTPExchange
            do {
                exchange = try await fetchOnce(current, host: host)
            } catch {
                return .failed("\(current): \(error)")
            }
            switch exchange.status {
            case 200:
                if exchange.bodyTruncated {
                    return .failed("\(current): response larger than \(maximumBytes) bytes")
                }
                return .document(exchange.body, url: current)
            case 404:
                return .notFound(url: current)
            case 301, 302, 303, 307, 308:
                guard let location = exchange.header("Location"),
                    let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString
                else { return .failed("\(current): redirect without a Location") }
                guard seen.insert(next).inserted else { return .failed("\(current): redirect loop via \(next)") }
                current = next
            case 429 where !retried:
                let wait = Self.retryAfter(exchange.header("Retry-After")) ?? .seconds(1)
                guard wait <= maximumRetryAfter else {
                    return .failed("\(current): rate limited (HTTP 429), Retry-After \(wait) is too long")
                }
                retried = true
                try? await sleep(wait)
            default:
                return .failed("\(current): HTTP \(exchange.status)")
            }
        }
        return .failed("\(url): more than \(maximumRedirects) redirects")
    }

    private func fetchOnce(_ url: String, host: String) async throws -> HTTPExchange {
        await gate.enter(host)
        do {
            let exchange = try await http.fetch(
                HTTPRequest(
                    url: url,
                    headers: [HTTPHeader("Accept", "application/rdap+json, application/json")],
                    maxBodyBytes: maximumBytes,
                    timeout: timeout
                )
            )
            await gate.leave(host)
            return exchange
        } catch {
            await gate.leave(host)
            throw error
        }
    }

    /// Parses `Retry-After` as seconds or an HTTP date.
    static func retryAfter(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
    }
}
