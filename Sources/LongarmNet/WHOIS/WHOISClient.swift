public import Foundation
public import Logging
public import LongarmCore

/// A port-43 WHOIS client: one TCP connection per query, connect-to rules applied, bounded in time and bytes.
///
/// The connection is made on a ``BlockingPool`` thread. A connect-to rule that matches `server:port` sends the
/// connection to its target without judging the address; otherwise the server's addresses (system resolver) pass
/// the private-address guard first. The answer is read until the server closes the connection.
public struct WHOISClient: WHOISQuerying {
    private let configuration: NetConfiguration
    private let pool: BlockingPool
    private let logger: Logger

    /// Creates a client with the configuration's connect-to rules, timeouts, byte limit and guard.
    public init(configuration: NetConfiguration, logger: Logger = Logger(label: "longarm.whois")) {
        self.configuration = configuration
        self.pool = .shared
        self.logger = logger
    }

    /// Sends `query` + CR LF to `server:port` and returns the raw answer.
    ///
    /// - Throws: ``NetError`` `timedOut` (connect or total read), `responseTooLarge` (over
    ///   `whoisMaxBytes`), `privateAddressRefused`, `connectionFailed`, or `invalidAddress` for a query with
    ///   line breaks.
    public func query(_ query: String, server: String, port: Int = 43) async throws -> Data {
        guard !query.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw NetError(.invalidAddress, "WHOIS query \"\(query)\" contains a line break")
        }
        let configuration = configuration
        let logger = logger
        return try await pool.run {
            try Self.exchange(query, server: server, port: port, configuration: configuration, logger: logger)
        }
    }

    private static func exchange(
        _ query: String,
        server: String,
        port: Int,
        configuration: NetConfiguration,
        logger: Logger
    ) throws -> Data {
        let start = ContinuousClock.now
        let overall = start + configuration.timeout
        let label = SocketEndpoint(host: server, port: port).description
        let destination = ConnectToRule.destination(for: server, port: port, in: configuration.connectTo)
        let host = destination?.host ?? server
        let targetPort = destination?.port ?? port
        let addresses = try POSIXSocket.lookUp(host)
        if destination == nil {
            try configuration.addressGuard.check(host: server, addresses: addresses)
        }
        let connectDeadline = min(overall, start + configuration.connectTimeout)
        var socket: POSIXSocket?
        var lastError: (any Error)?
        for address in addresses where socket == nil {
            do {
                socket = try POSIXSocket.connect(to: address, port: targetPort, stream: true, deadline: connectDeadline)
            } catch {
                lastError = error
            }
        }
        guard let socket else {
            throw NetError(
                (lastError as? NetError)?.code ?? .connectionFailed,
                "WHOIS \(label): cannot connect (\(lastError.map { "\($0)" } ?? "no address"))"
            )
        }
        logger.debug("WHOIS query", metadata: ["whois.server": "\(label)", "whois.peer": "\(socket.peer)"])
        do {
            try socket.send(Array((query + "\r\n").utf8), until: overall)
            var answer = Data()
            while true {
                let chunk = try socket.receive(maxBytes: 65536, until: overall)
                if chunk.isEmpty { return answer }
                answer.append(contentsOf: chunk)
                if answer.count > configuration.whoisMaxBytes {
                    throw NetError(
                        .responseTooLarge,
                        "WHOIS \(label): answer to \"\(query)\" exceeds \(configuration.whoisMaxBytes) bytes"
                    )
                }
            }
        } catch let error as NetError where error.code == .timedOut {
            throw NetError(
                .timedOut,
                "WHOIS \(label): no complete answer to \"\(query)\" within \(configuration.timeout.seconds) s"
            )
        }
    }
}
