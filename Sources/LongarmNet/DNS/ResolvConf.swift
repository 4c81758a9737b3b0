import Foundation
import LongarmCore

/// The `nameserver` lines of a resolv.conf file, the DNS client's default servers.
enum ResolvConf {
    /// The servers named in `text`, port 53, in file order (IPv6 allowed, zone suffixes dropped).
    static func servers(in text: String) -> [SocketEndpoint] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, fields[0] == "nameserver" else { return nil }
            let address = fields[1].split(separator: "%").first.map(String.init) ?? ""
            guard IPAddress(address) != nil else { return nil }
            return SocketEndpoint(host: address, port: 53)
        }
    }

    /// The servers of `/etc/resolv.conf` (at most 64 KiB is read).
    static func systemServers(path: String = "/etc/resolv.conf") -> [SocketEndpoint] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        return servers(in: String(decoding: data, as: UTF8.self))
    }
}
