import Foundation
public import Logging
public import LongarmCore

/// The libcurl HTTP client: one exchange per call, never following redirects.
///
/// All transfers of a client run on one thread that drives a curl multi handle (``CurlMultiDriver``), so any
/// number of requests can be in flight while Swift's cooperative threads only await (at most 16 connections per
/// host; further requests wait for a kept-alive one). Each request has its own timeout (capped by the
/// configuration's) and body byte limit; a body over the limit is cut, the transfer stopped and the exchange marked
/// `bodyTruncated` (not an error). Connect-to rules go to curl as `CURLOPT_CONNECT_TO`; names they do not cover
/// are resolved by curl through the system resolver. The private-address guard runs in curl's open-socket
/// callback on the address actually connected to, unless a connect-to rule covers the URL.
public final class CurlHTTPClient: HTTPFetching {
    /// The settings every request uses.
    public let configuration: NetConfiguration
    private let driver: CurlMultiDriver
    private let logger: Logger

    /// Creates a client and its driver thread.
    public init(configuration: NetConfiguration, logger: Logger = Logger(label: "longarm.http")) {
        self.configuration = configuration
        self.logger = logger
        // libcurl counts connections per destination, and a connect-to rule makes every host it covers one
        // destination: the 16 would then be shared by all of them (thirteen RDAP servers on one local port), and
        // a connection kept alive for one host would be closed to open one for another. Rule-mapped hosts get the
        // whole connection cache instead; callers such as RDAP still cap their requests per server.
        self.driver = CurlMultiDriver(
            hostConnections: configuration.connectTo.isEmpty ? Self.connectionsPerHost : Self.connectionCache
        )
    }

    /// The connections opened to one host at most; further requests wait for a kept-alive one.
    static let connectionsPerHost = 16
    /// The connections kept alive in all.
    static let connectionCache = 64

    deinit {
        driver.stop()
    }

    /// Performs `request` with TLS verification on; see ``perform(_:insecureCapture:)``.
    public func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
        try await perform(request).exchange
    }

    /// Performs `request` and returns the exchange with its timings.
    ///
    /// - Parameter insecureCapture: turn TLS verification off, record the certificate chain anyway and mark the
    ///   exchange `tlsVerified = false`. Evidence uses it after a `tlsVerificationFailed` error, to preserve what a
    ///   misconfigured site serves; nothing retries this way automatically.
    /// - Throws: ``NetError`` (`timedOut`, `connectionFailed`, `tlsVerificationFailed`, `privateAddressRefused`,
    ///   `invalidAddress`, `transferFailed`) when no response was received; `CancellationError` when cancelled.
    public func perform(_ request: HTTPRequest, insecureCapture: Bool = false) async throws -> HTTPTransfer {
        let transfer = try CurlTransfer(
            request: request,
            configuration: configuration,
            addressGuard: guardFor(request),
            insecureCapture: insecureCapture
        )
        logger.debug("HTTP request", metadata: ["http.method": "\(request.method)", "http.url": "\(request.url)"])
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.attach(continuation)
                driver.submit(transfer)
            }
        } onCancel: {
            driver.cancel(transfer)
        }
    }

    // No check when private targets are allowed or a connect-to rule, the operator's override, covers the URL.
    private func guardFor(_ request: HTTPRequest) -> PrivateAddressGuard? {
        guard !configuration.allowPrivateTargets else { return nil }
        if let components = URLComponents(string: request.url), let host = components.host {
            let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
            if ConnectToRule.destination(for: host, port: port, in: configuration.connectTo) != nil { return nil }
        }
        return configuration.addressGuard
    }
}
