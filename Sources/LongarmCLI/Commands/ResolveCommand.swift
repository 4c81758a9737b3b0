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
            With URLs, prints one profile per URL in input order and stores nothing; a URL that cannot be \
            resolved still gets its profile, with the reasons in "warnings". With --case, re-resolves the case's \
            targets and stores a new profile for each (earlier ones are kept as history).
            """
    )

    @Argument(help: "URLs to resolve.")
    var urls: [String] = []

    @Option(name: .customLong("case"), help: "Re-resolve every target of this case and store the profiles.")
    var caseID: Int64?

    @OptionGroup var net: NetOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if urls.isEmpty == (caseID == nil) {
            throw ValidationError("give URLs or --case ID (not both)")
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
                    store: db
                )
                if !output.json, !profiles.isEmpty {
                    printError("resolved \(profiles.count) target(s); profiles stored")
                }
            } else {
                let canonicalizer = URLCanonicalizer(publicSuffixList: try PublicSuffixListLoader.shipped())
                var requests: [ResolutionRequest?] = []
                var failures: [Int: String] = [:]
                for (index, url) in urls.enumerated() {
                    do {
                        let canonical = try canonicalizer.canonicalize(url)
                        requests.append(
                            ResolutionRequest(
                                url: url,
                                canonicalUrl: canonical.canonical,
                                host: canonical.host,
                                registrableDomain: canonical.registrableDomain
                            )
                        )
                    } catch {
                        printError("argument:\(index + 1): \(error)")
                        failures[index] = "\(error)"
                        requests.append(nil)
                        anyBad = true
                    }
                }
                let resolved = await resolver.resolve(requests.compactMap(\.self))
                var next = resolved.makeIterator()
                profiles = requests.enumerated().map { index, request in
                    if request != nil, let profile = next.next() { return profile }
                    return HostingProfile(
                        url: urls[index],
                        canonicalUrl: "",
                        host: "",
                        registrableDomain: nil,
                        warnings: [failures[index] ?? "not resolved"]
                    )
                }
            }
            if output.json {
                try JSONOutput.print(profiles)
            } else {
                for profile in profiles { ProfileSummary(profile).print() }
            }
        }
        if anyBad { throw ExitCode(CLIError.Status.badInput.rawValue) }
    }
}
