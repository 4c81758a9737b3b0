import ArgumentParser
import Foundation

/// `--data DIR` (or `LONGARM_DATA`): where evidence bytes live; default the database's folder.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Evidence data folder (env LONGARM_DATA; default: the database's folder).")
    var data: String?

    /// The folder chosen by flag, then environment, then beside the database.
    func resolved(store: StoreOptions) -> URL {
        if let data { return URL(fileURLWithPath: data) }
        if let env = ProcessInfo.processInfo.environment["LONGARM_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return URL(fileURLWithPath: store.resolvedPath).deletingLastPathComponent()
    }
}

/// The network options of DESIGN.md that capture and time-stamping use.
struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: "Per-request limit in seconds (env LONGARM_TIMEOUT; default 30).")
    var timeout: Double?

    @Option(name: .long, help: "curl connect-to rule HOST:PORT:TARGET:TPORT (env LONGARM_CONNECT_TO, comma-separated).")
    var connectTo: [String] = []

    @Option(name: .long, help: "DNS server HOST:PORT (env LONGARM_DNS).")
    var dns: String?

    @Option(name: .long, help: "Extra CA certificates (PEM) to trust.")
    var cacert: String?

    @Flag(
        name: .long,
        help: "Permit URLs whose host resolves to loopback or private addresses (env LONGARM_ALLOW_PRIVATE)."
    )
    var allowPrivateTargets = false

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout \(timeout): must be positive") }
    }

    /// The settings by flag, then environment, then default.
    var settings: FetcherSettings {
        let env = ProcessInfo.processInfo.environment
        let seconds = timeout ?? env["LONGARM_TIMEOUT"].flatMap(Double.init) ?? 30
        let rules =
            connectTo.isEmpty ? (env["LONGARM_CONNECT_TO"] ?? "").split(separator: ",").map(String.init) : connectTo
        let allow =
            allowPrivateTargets || ["1", "true", "yes"].contains(env["LONGARM_ALLOW_PRIVATE"]?.lowercased() ?? "")
        return FetcherSettings(
            timeout: .milliseconds(Int64(seconds * 1000)),
            connectTo: rules,
            caCertificates: cacert,
            dnsServer: dns ?? env["LONGARM_DNS"],
            allowPrivateTargets: allow
        )
    }
}
