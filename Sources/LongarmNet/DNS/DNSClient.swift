public import Logging
public import LongarmCore

/// A stub DNS client speaking the wire format over UDP (TCP when the answer is truncated) to given servers.
///
/// Each exchange runs on a ``BlockingPool`` thread with poll-bounded waits, so many queries are in flight at once
/// without blocking Swift's cooperative pool. Query ids are random and every response is checked against the id
/// and question it answers; mismatching datagrams are ignored until the attempt times out.
public struct DNSClient: DNSResolving {
    /// The longest CNAME chain ``resolveAddresses(_:)`` follows.
    public static let maxCNAMEDepth = 8
    /// The servers asked, in order: the next is tried when one does not answer or refuses.
    public let servers: [SocketEndpoint]
    /// Limit for one attempt over UDP, and for a whole TCP exchange.
    public let attemptTimeout: Duration
    /// Attempts per server over UDP.
    public let attempts: Int
    private let serverAddresses: [(IPAddress, Int)]
    private let pool: BlockingPool
    private let logger: Logger

    /// Creates a client for the configured servers, or those of `/etc/resolv.conf` when none are configured.
    ///
    /// - Throws: ``NetError`` when a server is not an IP address or no server is known at all.
    public init(configuration: NetConfiguration, logger: Logger = Logger(label: "longarm.dns")) throws {
        let servers = configuration.dnsServers.isEmpty ? ResolvConf.systemServers() : configuration.dnsServers
        guard !servers.isEmpty else {
            throw NetError(.invalidAddress, "no DNS server: pass --dns HOST:PORT or set LONGARM_DNS")
        }
        self.serverAddresses = try servers.map { server in
            guard let address = IPAddress(server.host) else {
                throw NetError(.invalidAddress, "DNS server \"\(server)\": not an IP address")
            }
            return (address, server.port)
        }
        self.servers = servers
        self.attemptTimeout = min(configuration.timeout, .seconds(3))
        self.attempts = max(1, configuration.dnsAttempts)
        self.pool = .shared
        self.logger = logger
    }

    /// Asks the servers for `type` records at `name`; throws only when none answered.
    public func query(_ name: String, type: DNSRecordType) async throws -> DNSAnswer {
        let question = Self.normalise(name)
        var lastError: (any Error)?
        var refused: DNSAnswer?
        for (index, (address, port)) in serverAddresses.enumerated() {
            do {
                let message = try await exchange(question, type: type, address: address, port: port)
                let answer = DNSAnswer(
                    rcode: message.rcode,
                    records: message.answers,
                    server: servers[index].description
                )
                if message.rcode == 5 {
                    refused = answer
                    continue
                }
                return answer
            } catch {
                logger.debug(
                    "DNS server did not answer",
                    metadata: ["dns.server": "\(servers[index])", "dns.name": "\(question)", "error": "\(error)"]
                )
                lastError = error
            }
        }
        if let refused { return refused }
        throw lastError ?? NetError(.timedOut, "DNS \(question) \(type): no server answered")
    }

    /// Resolves `host` to its A and AAAA records, following CNAMEs (depth ``maxCNAMEDepth``, loops detected).
    ///
    /// NXDOMAIN and empty answers are returned (see `rcode`), not thrown.
    /// - Throws: ``NetError`` `cnameLoop` or `cnameChainTooLong` naming the chain, or when no server answered.
    public func resolveAddresses(_ host: String) async throws -> AddressResolution {
        let start = Self.normalise(host)
        var current = start
        var chain: [DNSRecord] = []
        var seen: Set<String> = [start]
        var addressAnswer: DNSAnswer
        while true {
            addressAnswer = try await query(current, type: .a)
            let before = current
            while let cname = addressAnswer.records.first(where: { $0.type == .cname && $0.name == current }) {
                chain.append(cname)
                let next = Self.normalise(cname.data)
                let path = ([start] + chain.map { Self.normalise($0.data) }).joined(separator: " → ")
                if seen.contains(next) {
                    throw NetError(.cnameLoop, "DNS \(start): CNAME loop \(path)")
                }
                if chain.count > Self.maxCNAMEDepth {
                    throw NetError(
                        .cnameChainTooLong,
                        "DNS \(start): CNAME chain longer than \(Self.maxCNAMEDepth): \(path)"
                    )
                }
                seen.insert(next)
                current = next
            }
            let hasAddresses = addressAnswer.records.contains { $0.type == .a && $0.name == current }
            // A server that is not authoritative for the target stops at the CNAME: ask again for the target.
            if hasAddresses || addressAnswer.rcode != 0 || current == before { break }
        }
        let a = addressAnswer.records.filter { $0.type == .a && $0.name == current }
        var aaaa: [DNSRecord] = []
        if addressAnswer.rcode == 0 {
            let answer = try await query(current, type: .aaaa)
            aaaa = answer.records.filter { $0.type == .aaaa && $0.name == current }
        }
        return AddressResolution(
            host: start,
            canonicalName: current,
            cnameChain: chain,
            a: a,
            aaaa: aaaa,
            rcode: addressAnswer.rcode,
            server: addressAnswer.server
        )
    }

    private func exchange(_ name: String, type: DNSRecordType, address: IPAddress, port: Int) async throws -> DNSMessage
    {
        let timeout = attemptTimeout
        let attempts = attempts
        return try await pool.run {
            var lastError: (any Error)?
            for _ in 0..<attempts {
                do {
                    let message = try DNSExchange.udp(
                        name: name,
                        type: type,
                        address: address,
                        port: port,
                        timeout: timeout
                    )
                    if !message.truncated { return message }
                    return try DNSExchange.tcp(name: name, type: type, address: address, port: port, timeout: timeout)
                } catch let error as NetError where error.code == .timedOut {
                    lastError = error
                }
            }
            throw lastError ?? NetError(.timedOut, "DNS \(name): no answer")
        }
    }

    /// The servers that the `nameserver` lines of a resolv.conf text name (port 53).
    public static func serversInResolvConf(_ text: String) -> [SocketEndpoint] {
        ResolvConf.servers(in: text)
    }

    static func normalise(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }
}
