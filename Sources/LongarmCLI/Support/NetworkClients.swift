import LongarmCore

/// The factory of the network clients commands use; the one place where the concrete clients are chosen.
///
/// The libcurl client (LongarmNet) is wired here when it lands; until then a command that needs HTTP says so
/// and exits with 69 instead of pretending.
enum NetworkClients {
    /// An HTTP client with the given per-request timeout and `--connect-to` rules (`HOST:PORT:TARGET:TPORT`).
    static func httpFetcher(timeout: Duration, connectTo: [String]) throws -> any HTTPFetching {
        _ = (timeout, connectTo)
        throw CLIError(.unavailable, "this build has no HTTP client (LongarmNet is not linked)")
    }
}
