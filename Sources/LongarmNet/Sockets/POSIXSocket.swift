import Foundation
import LongarmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking socket whose every wait is bounded by a deadline (poll). Used on ``BlockingPool`` threads only.
final class POSIXSocket {
    let descriptor: Int32
    /// `address:port` of the peer, for messages.
    let peer: String

    private init(descriptor: Int32, peer: String) {
        self.descriptor = descriptor
        self.peer = peer
    }

    deinit {
        close(descriptor)
    }

    /// Opens a TCP (`stream`) or UDP socket connected to `address:port`, waiting until `deadline` at most.
    static func connect(
        to address: IPAddress,
        port: Int,
        stream: Bool,
        deadline: ContinuousClock.Instant
    ) throws -> POSIXSocket {
        let family = address.isIPv4 ? AF_INET : AF_INET6
        #if canImport(Glibc)
        let type = Int32(stream ? SOCK_STREAM.rawValue : SOCK_DGRAM.rawValue)
        #else
        let type = stream ? SOCK_STREAM : SOCK_DGRAM
        #endif
        let descriptor = socket(family, type, 0)
        let peer = SocketEndpoint(host: address.description, port: port).description
        guard descriptor >= 0 else { throw Self.failure("socket() for \(peer)") }
        let socket = POSIXSocket(descriptor: descriptor, peer: peer)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var storage = sockaddr_storage()
        let length = Self.fill(&storage, address: address, port: port)
        let result = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, length) }
        }
        if result != 0 {
            guard errno == EINPROGRESS else { throw Self.failure("connect to \(peer)") }
            try socket.wait(for: Int16(POLLOUT), until: deadline, doing: "connecting to \(peer)")
            var error: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &size)
            if error != 0 {
                throw NetError(.connectionFailed, "connect to \(peer): \(String(cString: strerror(error)))")
            }
        }
        return socket
    }

    /// Sends all of `bytes`.
    func send(_ bytes: [UInt8], until deadline: ContinuousClock.Instant) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
            if sent >= 0 {
                offset += sent
            } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                try wait(for: Int16(POLLOUT), until: deadline, doing: "sending to \(peer)")
            } else {
                throw Self.failure("send to \(peer)")
            }
        }
    }

    /// Receives up to `maxBytes` (one datagram for UDP); an empty result means the peer closed the connection.
    func receive(maxBytes: Int, until deadline: ContinuousClock.Instant) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(1, maxBytes))
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return Array(buffer.prefix(count)) }
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                try wait(for: Int16(POLLIN), until: deadline, doing: "waiting for \(peer)")
            } else {
                throw Self.failure("receive from \(peer)")
            }
        }
    }

    /// Reads exactly `count` bytes from a stream; throws when the peer closes early.
    func receiveExactly(_ count: Int, until deadline: ContinuousClock.Instant) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            let chunk = try receive(maxBytes: count - bytes.count, until: deadline)
            if chunk.isEmpty {
                throw NetError(
                    .malformedResponse,
                    "\(peer) closed the connection after \(bytes.count) of \(count) bytes"
                )
            }
            bytes += chunk
        }
        return bytes
    }

    private func wait(for events: Int16, until deadline: ContinuousClock.Instant, doing activity: String) throws {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw NetError(.timedOut, "timed out \(activity)") }
            let milliseconds = Int32(clamping: max(1, Int64(remaining.seconds * 1000)))
            var descriptorSet = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&descriptorSet, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw Self.failure(activity) }
        }
    }

    private static func fill(_ storage: inout sockaddr_storage, address: IPAddress, port: Int) -> socklen_t {
        withUnsafeMutableBytes(of: &storage) { raw in
            if address.isIPv4 {
                var socketAddress = sockaddr_in()
                socketAddress.sin_family = sa_family_t(AF_INET)
                socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
                withUnsafeMutableBytes(of: &socketAddress.sin_addr) { $0.copyBytes(from: address.bytes) }
                withUnsafeBytes(of: &socketAddress) { raw.copyMemory(from: $0) }
                return socklen_t(MemoryLayout<sockaddr_in>.size)
            }
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeMutableBytes(of: &socketAddress.sin6_addr) { $0.copyBytes(from: address.bytes) }
            withUnsafeBytes(of: &socketAddress) { raw.copyMemory(from: $0) }
            return socklen_t(MemoryLayout<sockaddr_in6>.size)
        }
    }

    private static func failure(_ activity: String) -> NetError {
        let code = errno
        let kind: NetError.Code = code == ECONNREFUSED || code == ENETUNREACH ? .connectionFailed : .transferFailed
        return NetError(kind, "\(activity): \(String(cString: strerror(code)))")
    }

    /// The addresses of `host` from the system resolver (`getaddrinfo`), IPv4 first; blocking.
    static func lookUp(_ host: String) throws -> [IPAddress] {
        if let literal = IPAddress(host) { return [literal] }
        var hints = addrinfo()
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            throw NetError(.connectionFailed, "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        for entry in sequence(first: first, next: { $0.pointee.ai_next }) {
            guard let socketAddress = entry.pointee.ai_addr else { continue }
            if entry.pointee.ai_family == AF_INET {
                socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var raw = pointer.pointee.sin_addr
                    addresses.append(IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) })!)
                }
            } else if entry.pointee.ai_family == AF_INET6 {
                socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    var raw = pointer.pointee.sin6_addr
                    addresses.append(IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) })!)
                }
            }
        }
        var unique: [IPAddress] = []
        for address in addresses where !unique.contains(address) { unique.append(address) }
        return unique.sorted { $0.isIPv4 && !$1.isIPv4 }
    }
}
