import ArgumentParser
import Foundation
import LongarmCore
import LongarmResolve
import LongarmRules
import LongarmStore
import LongarmWorkflow

/// `longarm plan CASE`, `longarm plan URL… --kind K` or `longarm plan --profile FILE --kind K`: the notice plan
/// for each target.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the notices for a case's targets (from stored profiles), for URLs, or for a saved profile.",
        discussion: """
            With CASE, every target is planned from its latest stored profile and the plans are stored. With \
            URLs, each is resolved on the spot and planned; nothing is stored unless --case names a case, which \
            then gets the URLs as targets, their profiles and their plans. With --profile, a HostingProfile JSON \
            file is planned and nothing is stored.
            """
    )

    @Argument(help: "A case's number, or one or more URLs to resolve and plan.")
    var subjects: [String] = []

    @Option(name: .customLong("case"), help: "With URLs: add them to this case and store profiles and plans.")
    var intoCase: Int64?

    @Option(name: .long, help: "Plan this saved HostingProfile JSON file instead of a case.")
    var profile: String?

    @Option(name: .long, help: "Kind for URLs or --profile: copyright, portrait, reputation, privacy or trademark.")
    var kind: String?

    @Option(name: .long, help: "Holder's name for URLs or --profile.")
    var holder: String?

    @Option(name: .customLong("holder-country"), help: "Holder's country (ISO 3166-1 alpha-2); overrides the case's.")
    var holderCountry: String?

    @Option(name: .customLong("owns-work"), help: "Whether the holder owns the work shown: yes or no.")
    var ownsWork: String?

    @OptionGroup var data: DataOptions
    @OptionGroup var net: NetOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    /// The case number when the only subject is one.
    var caseID: Int64? { subjects.count == 1 ? Int64(subjects[0]) : nil }

    /// The URLs to resolve, when the subjects are not a case number.
    var urls: [String] { caseID == nil ? subjects : [] }

    func validate() throws {
        let given = [!subjects.isEmpty, profile != nil].filter { $0 }.count
        if given != 1 { throw ValidationError("give a case number, URLs, or --profile FILE") }
        if intoCase != nil, urls.isEmpty { throw ValidationError("--case goes with URLs: longarm plan URL --case ID") }
        if profile != nil || !urls.isEmpty, intoCase == nil, kind == nil {
            throw ValidationError("\(profile != nil ? "--profile" : "URLs") need --kind (or --case ID)")
        }
        if let kind, InfringementKind(rawValue: kind.lowercased()) == nil {
            throw ValidationError("--kind \(kind): expected copyright, portrait, reputation, privacy or trademark")
        }
        if let ownsWork, !["yes", "no"].contains(ownsWork.lowercased()) {
            throw ValidationError("--owns-work \(ownsWork): expected yes or no")
        }
        if let holderCountry, CountryCode(lenient: holderCountry) == nil {
            throw ValidationError("--holder-country \(holderCountry): not an ISO 3166-1 alpha-2 code")
        }
    }

    private var ownsWorkValue: Bool? { ownsWork.map { $0.lowercased() == "yes" } }
    private var holderCountryValue: CountryCode? { holderCountry.flatMap { CountryCode(lenient: $0) } }
    private var kindValue: InfringementKind? { kind.flatMap { InfringementKind(rawValue: $0.lowercased()) } }

    /// The context for a plan that has no case: the flags, with a generic holder.
    private var flagContext: PlanningContext {
        PlanningContext(
            kind: kindValue ?? .copyright,
            holder: holder ?? "the rights holder",
            holderCountry: holderCountryValue,
            ownsWork: ownsWorkValue
        )
    }

    func run() async throws {
        var anyBad = false
        try await withCLIErrors {
            let planner = NoticePlanner(book: try data.loadBook())
            if let profile {
                try planProfile(path: profile, planner: planner)
            } else if let caseID {
                try planCase(caseID, planner: planner)
            } else if let intoCase {
                anyBad = try await planURLs(into: intoCase, planner: planner)
            } else {
                anyBad = try await planURLs(planner: planner)
            }
        }
        if anyBad { throw ExitCode(CLIError.Status.badInput.rawValue) }
    }

    private func planProfile(path: String, planner: NoticePlanner) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError(.badInput, "\(path): cannot be read")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let hosting: HostingProfile
        do {
            hosting = try decoder.decode(HostingProfile.self, from: data)
        } catch {
            throw CLIError(.badInput, "\(path): not a hosting profile (\(error))")
        }
        let plan = planner.plan(hosting, context: flagContext)
        if output.json {
            try JSONOutput.print(plan)
        } else {
            PlanTextPrinter.print(plan)
        }
    }

    private func planCase(_ caseID: Int64, planner: NoticePlanner) throws {
        let db = try store.open()
        guard let caseFile = try db.caseFile(id: caseID) else {
            throw CLIError(.badInput, "case \(caseID): no such case in \(store.resolvedPath)")
        }
        try planAndPrint(caseFile, targets: nil, store: db, planner: planner)
    }

    /// Plans `targets` of `caseFile` (all when nil) and prints each batch of stored plans as soon as it is stored,
    /// so that a large case never holds every plan; the targets skipped are named on stderr at the end.
    private func planAndPrint(
        _ caseFile: CaseFile,
        targets: [Target]?,
        store db: LongarmStore,
        planner: NoticePlanner
    ) throws {
        let json = output.json ? JSONArrayStream() : nil
        if json == nil { print("case \(caseFile.id ?? 0): \(caseFile.holder) — \(caseFile.kind.rawValue)") }
        let outcome = try CasePlanning(planner: planner, actor: CustodyActor.current).planCase(
            caseFile,
            targets: targets,
            store: db,
            holderCountry: holderCountryValue,
            ownsWork: ownsWorkValue
        ) { stored in
            if let json {
                try json.append(
                    contentsOf: stored.map {
                        CasePlanEntry(targetId: $0.targetID, profileId: $0.profileID, plan: $0.plan)
                    }
                )
            } else {
                for result in stored {
                    print("")
                    print("target \(result.targetID) (profile \(result.profileID)):")
                    PlanTextPrinter.print(result.plan)
                }
            }
        }
        json?.close()
        if json == nil {
            print("")
            print("\(outcome.stored) plan(s) stored")
        }
        for line in outcome.skipped { printError(line) }
    }

    /// Canonicalises the URLs, naming each bad one on stderr; returns the good ones in order and whether any was bad.
    private func canonicalURLs() throws -> (urls: [(submitted: String, canonical: CanonicalURL)], anyBad: Bool) {
        let canonicalizer = URLCanonicalizer(publicSuffixList: try PublicSuffixListLoader.shipped())
        var good: [(submitted: String, canonical: CanonicalURL)] = []
        var anyBad = false
        for (index, url) in urls.enumerated() {
            do {
                good.append((url, try canonicalizer.canonicalize(url)))
            } catch {
                printError("argument:\(index + 1): \(error)")
                anyBad = true
            }
        }
        return (good, anyBad)
    }

    /// Resolves and plans URLs without storing anything.
    private func planURLs(planner: NoticePlanner) async throws -> Bool {
        let (good, anyBad) = try canonicalURLs()
        let requests = good.map {
            ResolutionRequest(
                url: $0.submitted,
                canonicalUrl: $0.canonical.canonical,
                host: $0.canonical.host,
                registrableDomain: $0.canonical.registrableDomain
            )
        }
        var profiles: [HostingProfile] = []
        if !requests.isEmpty {
            let resolver = try net.resolver()
            profiles = await resolver.resolve(requests)
        }
        let plans = profiles.map { planner.plan($0, context: flagContext) }
        if output.json {
            try JSONOutput.print(plans)
        } else {
            for (index, plan) in plans.enumerated() {
                if index > 0 { print("") }
                PlanTextPrinter.print(plan)
            }
        }
        return anyBad
    }

    /// Adds the URLs to a case, resolves them and stores their profiles, then plans them and stores the plans.
    private func planURLs(into caseID: Int64, planner: NoticePlanner) async throws -> Bool {
        let db = try store.open()
        guard let caseFile = try db.caseFile(id: caseID) else {
            throw CLIError(.badInput, "case \(caseID): no such case in \(store.resolvedPath)")
        }
        let (good, anyBad) = try canonicalURLs()
        let inserted = try db.addTargets(
            good.map {
                Target(
                    caseID: caseID,
                    submittedURL: $0.submitted,
                    canonicalURL: $0.canonical.canonical,
                    host: $0.canonical.host,
                    registrableDomain: $0.canonical.registrableDomain,
                    kind: kindValue
                )
            }
        )
        let targets = inserted.map { insertion -> Target in
            switch insertion {
            case .added(let target): return target
            case .duplicate(let target): return target
            }
        }
        let resolver = try net.resolver()
        try await TargetResolution.resolveAndStore(targets, resolver: resolver, store: db)
        try planAndPrint(caseFile, targets: targets, store: db, planner: planner)
        return anyBad
    }
}

/// One element of `longarm plan CASE --json`.
struct CasePlanEntry: Encodable {
    let targetId: Int64
    let profileId: Int64
    let plan: NoticePlan
}
