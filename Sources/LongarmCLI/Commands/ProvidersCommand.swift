import ArgumentParser
import LongarmCore
import LongarmRules

/// `longarm providers …`: browse the provider registry.
struct ProvidersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "providers",
        abstract: "Browse the registry of hosts, CDNs, registrars and platforms.",
        subcommands: [ProvidersShowCommand.self]
    )
}

/// `longarm providers show NAME|ASN`: one provider's recognition and abuse channels.
struct ProvidersShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a provider by id, name or ASN (24940 or AS24940)."
    )

    @Argument(help: "Provider id, name, or AS number.")
    var query: String

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let book = try data.loadBook()
            guard let provider = book.provider(matching: query) else {
                throw CLIError(.badInput, "\(query): no provider with this id, name or ASN in the registry")
            }
            if output.json {
                try JSONOutput.print(provider)
                return
            }
            print("\(provider.name) (\(provider.id)) — \(provider.roles.map(\.rawValue).joined(separator: ", "))")
            print(
                "country: \(provider.country?.rawValue ?? "unknown")   checked: \(provider.checked)   confidence: \(provider.confidence.rawValue)"
            )
            let recognition = provider.recognition
            if !recognition.asns.isEmpty {
                print("ASNs: \(recognition.asns.map { "AS\($0)" }.joined(separator: ", "))")
            }
            if !recognition.ianaRegistrarIds.isEmpty {
                print("IANA registrar ids: \(recognition.ianaRegistrarIds.joined(separator: ", "))")
            }
            if !recognition.cnameSuffixes.isEmpty {
                print("CNAME suffixes: \(recognition.cnameSuffixes.joined(separator: ", "))")
            }
            if !recognition.domains.isEmpty { print("domains: \(recognition.domains.joined(separator: ", "))") }
            print("recognition confidence: \(recognition.confidence.rawValue)")
            for channel in provider.channels {
                let kinds = channel.kinds.isEmpty ? "" : " (\(channel.kinds.map(\.rawValue).joined(separator: ", ")))"
                print("channel: \(channel.kind.rawValue) \(channel.address)\(kinds) [\(channel.confidence.rawValue)]")
                if let note = channel.note { print("  \(note)") }
            }
            if let forwards = provider.forwards {
                print("forwards to: \(forwards.to.joined(separator: ", "))" + (forwards.note.map { " — \($0)" } ?? ""))
            }
            if let anonymity = provider.anonymity { print("anonymity: \(anonymity)") }
            if let limits = provider.limits {
                print(
                    "limits: "
                        + [limits.urlsPerReport.map { "\($0) URLs per report" }, limits.note].compactMap { $0 }.joined(
                            separator: "; "
                        )
                )
            }
        }
    }
}
