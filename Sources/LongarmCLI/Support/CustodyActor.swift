import Foundation

/// Who acts, as the custody log records it: `longarm/x.y.z (user@host)`.
enum CustodyActor {
    /// This tool and the user running it.
    static var current: String { named("longarm/\(LongarmVersion.current)") }

    /// `longarm serve` and the user running it: `longarm/x.y.z serve (user@host)`.
    static var service: String { named("longarm/\(LongarmVersion.current) serve") }

    private static func named(_ tool: String) -> String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        return "\(tool) (\(user)@\(ProcessInfo.processInfo.hostName))"
    }
}
