import Foundation

/// A host (name or IP address) and a port, written `host:port` or `[v6]:port`.
public struct SocketEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The host, without brackets.
    public var host: String
    /// The port.
    public var port: Int

    /// Creates an endpoint.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, `[V6]:PORT`, a bare host or a bare IPv6 address (then `defaultPort`).
    public init(parsing text: String, defaultPort: Int) throws {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty {
                port = defaultPort
            } else if rest.hasPrefix(":"), let value = Int(rest.dropFirst()), (1...65535).contains(value) {
                port = value
            } else {
                throw NetError(.invalidAddress, "server \"\(text)\": expected [ADDRESS]:PORT")
            }
        } else if text.filter({ $0 == ":" }).count == 1 {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard let value = Int(parts[1]), (1...65535).contains(value), !parts[0].isEmpty else {
                throw NetError(.invalidAddress, "server \"\(text)\": expected HOST:PORT with a port 1–65535")
            }
            host = String(parts[0])
            port = value
        } else {
            host = text
            port = defaultPort
        }
        if host.isEmpty || host.contains(where: { $0.isWhitespace || $0 == "[" || $0 == "]" }) {
            throw NetError(.invalidAddress, "server \"\(text)\": no host")
        }
    }

    /// `host:port`, IPv6 bracketed.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
