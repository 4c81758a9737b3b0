import ArgumentParser
import Foundation
import LongarmEvidence
import LongarmStore

/// `longarm evidence export CASE --out DIR|FILE.zip`: writes a bundle a third party can verify.
struct EvidenceExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a case's evidence bundle: WARC files, manifest.json, custody.jsonl, SHA256SUMS, README."
    )

    @Argument(help: "The case's number.")
    var caseID: Int64

    @Option(help: "A new folder, or a file ending in .zip.")
    var out: String

    @Option(help: "RFC 3161 time-stamping authority URL: a token over manifest.json (manifest.tsr).")
    var tsa: String?

    @OptionGroup var net: NetOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var data: EvidenceStorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let db = try store.open()
            var timestamper: (client: TimestampClient, url: String)?
            if let tsa {
                timestamper = (TimestampClient(fetcher: try FetcherFactory.makeFetcher(try net.configuration())), tsa)
            }
            let exporter = BundleExporter(
                store: db,
                dataDirectory: data.resolved(store: store),
                toolVersion: "longarm/\(LongarmVersion.current)",
                actor:
                    "longarm/\(LongarmVersion.current) (\(ProcessInfo.processInfo.environment["USER"] ?? "unknown"))",
                timestamper: timestamper
            )
            let result: BundleExporter.Result
            do {
                result = try await exporter.export(caseID: caseID, to: URL(fileURLWithPath: out))
            } catch let error as EvidenceError {
                throw CLIError(error.code == .badInput ? .badInput : .failure, error.description)
            }
            if output.json {
                try JSONOutput.print(result)
            } else {
                print(
                    "bundle written: \(result.path) (\(result.files) files, manifest sha256 \(result.manifestSHA256))"
                )
                if result.timestamped { print("manifest time-stamped: manifest.tsr") }
            }
        }
    }
}
