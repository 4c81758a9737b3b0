public import Foundation

/// A Cymru question that the DNS server could not answer (SERVFAIL, REFUSED …).
public struct CymruError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The name asked.
    public var name: String
    /// The server that answered.
    public var server: String
    /// The DNS response code.
    public var rcode: Int

    public var description: String {
        let meaning = [2: "SERVFAIL", 5: "REFUSED"][rcode] ?? "rcode \(rcode)"
        return "\(name): DNS server \(server) answered \(meaning)"
    }

    public var errorDescription: String? { description }
}
