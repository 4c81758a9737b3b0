import ArgumentParser
import Foundation
import LongarmCore
import LongarmResolve
import LongarmStore
import LongarmWorkflow

/// `longarm resolve URL…` or `longarm resolve --case ID`: who hosts each URL, and where.
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve the hosting of URLs (DNS, RDAP/WHOIS, ASN, geolocation, CDN).",
        discussion: """
            With URLs (arguments, then the rows of --from FILE), prints one profile per URL in input order and \
            stores nothing; a URL that cannot be resolved still gets its profile, with the reasons in "warnings". \
            With --case, re-resolves the case's targets and stores a new profile for each (earlier ones are kept \
            as history).
            """
    )

    @Argument(help: "URLs to resolve.")
    var urls: [String] = []

    @Option(name: .customLong("from"), help: "A batch file of URLs: CSV with header url[,…], or JSON Lines.")
    var batchFile: String?

    @Option(name: .customLong("case"), help: "Re-resolve every target of this case and store the profiles.")
    var caseID: Int64?

    @OptionGroup var net: NetOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (urls.isEmpty && batchFile == nil) == (caseID == nil) {
            throw ValidationError("give URLs (or --from FILE) or --case ID (not both)")
        }
    }

    func run() async throws {
        var anyBad = false
        try await withCLIErrors {
            let resolver = try net.resolver()
            let profiles: [HostingProfile]
            if let caseID {
                let db = try store.open()
                guard try db.caseFile(id: caseID) != nil else {
                    throw CLIError(.badInput, "case \(caseID): no such case in \(store.resolvedPath)")
                }
                let targets = try db.targets(caseID: caseID)
                profiles = try await TargetResolution.resolveAndStore(
                    targets,
                    resolver: resolver,
                    store: db,
                    actor: CustodyActor.current
                )
                if !output.json, !profiles.isEmpty {
                    printError("resolved \(profiles.count) target(s); profiles stored")
                }
            } else {
                var inputs = urls.enumerated().map { (label: "argument:\($0.offset + 1)", url: $0.element) }
                if let batchFile {
                    let read = BatchReader.read(try BatchFile.read(batchFile), source: batchFile)
                    for error in read.errors {
                        printError(error.description)
                        anyBad = true
                    }
                    inputs += read.rows.map { (label: "\(batchFile):\($0.line)", url: $0.url) }
                }
                let outcome = try await resolveURLs(inputs, resolver: resolver)
                profiles = outcome.profiles
                anyBad = anyBad || outcome.anyBad
            }
            if output.json {
                // The same bytes as JSONOutput writes, without the encoder's cost (a quarter of a 10,000-URL run).
                FileHandle.standardOutput.write(Data(ProfileJSONWriter.document(profiles)))
            } else {
                for profile in profiles { ProfileSummary(profile).print() }
            }
        }
        if anyBad { throw ExitCode(CLIError.Status.badInput.rawValue) }
    }

    /// Canonicalises and resolves `inputs` in one run; a URL that cannot be canonicalised keeps its place in the
    /// output, as a profile whose warning says why.
    private func resolveURLs(
        _ inputs: [(label: String, url: String)],
        resolver: HostingResolver
    ) async throws -> (profiles: [HostingProfile], anyBad: Bool) {
        let canonicalizer = URLCanonicalizer(publicSuffixList: try PublicSuffixListLoader.shipped())
        var requests: [ResolutionRequest?] = []
        var failures: [Int: String] = [:]
        for (index, input) in inputs.enumerated() {
            do {
                let canonical = try canonicalizer.canonicalize(input.url)
                requests.append(
                    ResolutionRequest(
                        url: input.url,
                        canonicalUrl: canonical.canonical,
                        host: canonical.host,
                        registrableDomain: canonical.registrableDomain
                    )
                )
            } catch {
                printError("\(input.label): \(error)")
                failures[index] = "\(error)"
                requests.append(nil)
            }
        }
        let resolved = await resolver.resolve(requests.compactMap(\.self))
        var next = resolved.makeIterator()
        let profiles = requests.enumerated().map { index, request in
            if request != nil, let profile = next.next() { return profile }
            return HostingProfile(
                url: inputs[index].url,
                canonicalUrl: "",
                host: "",
                registrableDomain: nil,
                warnings: [failures[index] ?? "not resolved"]
            )
        }
        return (profiles, !failures.isEmpty)
    }
}
