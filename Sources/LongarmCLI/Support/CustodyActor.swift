import Foundation

/// Who acts, as the custody log records it: `longarm/x.y.z (user@host)`.
enum CustodyActor {
    /// This tool and the user running it.
    static var current: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        return "longarm/\(LongarmVersion.current) (\(user)@\(ProcessInfo.processInfo.hostName))"
    }
}
