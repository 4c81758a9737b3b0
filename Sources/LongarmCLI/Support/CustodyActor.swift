import Foundation

/// The actor that custody entries written by a command name: the tool's version, the user and the host.
enum CustodyActor {
    /// `longarm/0.1.0 (user@host)`.
    static var current: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        return "longarm/\(LongarmVersion.current) (\(user)@\(ProcessInfo.processInfo.hostName))"
    }
}
