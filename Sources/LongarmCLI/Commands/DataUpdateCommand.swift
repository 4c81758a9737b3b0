import ArgumentParser
import Foundation
import LongarmCore
import LongarmResolve

/// `longarm data update`: refreshes the RDAP bootstrap from IANA.
struct DataUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch IANA's RDAP bootstrap (dns, ipv4, ipv6, asn) and replace the local copy.",
        discussion: """
            Writes into --rdap-bootstrap DIR (env LONGARM_RDAP_BOOTSTRAP), else into the shipped Data/rdap/. \
            The four files are checked before any is replaced; overrides.json is kept.
            """
    )

    @Option(name: .customLong("rdap-bootstrap"), help: "Bootstrap folder to update (env LONGARM_RDAP_BOOTSTRAP).")
    var rdapBootstrap: String?

    @Option(name: .long, help: "Where to fetch the files from.")
    var source = RDAPBootstrapUpdater.ianaBaseURL

    @Option(name: .customLong("connect-to"), help: "HOST:PORT:TARGET:TPORT connection override (repeatable).")
    var connectTo: [String] = []

    @Option(name: .long, help: "Per-request limit in seconds (env LONGARM_TIMEOUT).")
    var timeout: Double?

    @Flag(name: .long, help: "Replace the files even when they list far fewer entries than the current ones.")
    var force = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive, not \(timeout)") }
        guard let url = URL(string: source), ["https", "http"].contains(url.scheme?.lowercased() ?? "") else {
            throw ValidationError("--source must be an http(s) URL, not \"\(source)\"")
        }
    }

    func run() async throws {
        try await withCLIErrors {
            let environment = ProcessInfo.processInfo.environment
            let seconds = timeout ?? environment["LONGARM_TIMEOUT"].flatMap(Double.init) ?? 30
            let connectRules =
                connectTo.isEmpty
                ? (environment["LONGARM_CONNECT_TO"] ?? "").split(separator: ",").map(String.init) : connectTo
            let fetcher = try NetworkClients.httpFetcher(timeout: .seconds(seconds), connectTo: connectRules)
            let folder = try destination(environment)
            let updater = RDAPBootstrapUpdater(fetcher: fetcher, baseURL: source, timeout: .seconds(seconds))
            let updates: [RDAPBootstrapUpdater.FileUpdate]
            do {
                updates = try await updater.update(directory: folder, force: force)
            } catch let error as RDAPBootstrapUpdateError {
                throw CLIError(error.code == .unreachable ? .unavailable : .failure, error.description)
            }
            if output.json {
                try JSONOutput.print(DataUpdateReport(directory: folder.path, files: updates))
                return
            }
            for update in updates {
                let previous = update.previousPublication.map { " (was \($0))" } ?? ""
                print("\(update.file)\t\(update.publication ?? "undated")\(previous)\t\(update.entries) entries")
            }
            print("updated \(folder.path)")
        }
    }

    private func destination(_ environment: [String: String]) throws -> URL {
        if let rdapBootstrap { return URL(fileURLWithPath: rdapBootstrap, isDirectory: true) }
        if let folder = environment["LONGARM_RDAP_BOOTSTRAP"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, isDirectory: true)
        }
        do {
            return try ResolveDataLocator().locate("rdap/dns.json").deletingLastPathComponent()
        } catch {
            throw CLIError(.failure, "\(error.description); give the folder with --rdap-bootstrap DIR")
        }
    }
}

/// The JSON document of `longarm data update --json`.
private struct DataUpdateReport: Encodable {
    let directory: String
    let files: [RDAPBootstrapUpdater.FileUpdate]
}
