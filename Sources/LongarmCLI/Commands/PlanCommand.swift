import ArgumentParser
import Foundation
import LongarmCore
import LongarmRules
import LongarmStore
import LongarmWorkflow

/// `longarm plan CASE` or `longarm plan --profile FILE --kind K`: the notice plan for each target.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the notices for every target of a case (from stored profiles) or for one saved profile.",
        discussion: """
            With CASE, every target is planned from its latest stored profile and the plans are stored. With \
            --profile, a HostingProfile JSON file is planned and nothing is stored.
            """
    )

    @Argument(help: "The case's number.")
    var caseID: Int64?

    @Option(name: .long, help: "Plan this saved HostingProfile JSON file instead of a case.")
    var profile: String?

    @Option(name: .long, help: "Kind for --profile: copyright, portrait, reputation, privacy or trademark.")
    var kind: String?

    @Option(name: .long, help: "Holder's name for --profile.")
    var holder: String?

    @Option(name: .customLong("holder-country"), help: "Holder's country (ISO 3166-1 alpha-2); overrides the case's.")
    var holderCountry: String?

    @Option(name: .customLong("owns-work"), help: "Whether the holder owns the work shown: yes or no.")
    var ownsWork: String?

    @OptionGroup var data: DataOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (caseID == nil) == (profile == nil) {
            throw ValidationError("give either a case number or --profile FILE")
        }
        if profile != nil, kind == nil { throw ValidationError("--profile needs --kind") }
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

    func run() async throws {
        try await withCLIErrors {
            let planner = NoticePlanner(book: try data.loadBook())
            if let profile {
                try planProfile(path: profile, planner: planner)
            } else if let caseID {
                try planCase(caseID, planner: planner)
            }
        }
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
        let context = PlanningContext(
            kind: InfringementKind(rawValue: kind!.lowercased())!,
            holder: holder ?? "the rights holder",
            holderCountry: holderCountry.flatMap { CountryCode(lenient: $0) },
            ownsWork: ownsWorkValue
        )
        let plan = planner.plan(hosting, context: context)
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
        let outcome = try CasePlanning(planner: planner).planCase(
            caseFile,
            store: db,
            holderCountry: holderCountry.flatMap { CountryCode(lenient: $0) },
            ownsWork: ownsWorkValue
        )
        for line in outcome.skipped { printError(line) }
        let results = outcome.plans
        if output.json {
            try JSONOutput.print(
                results.map { CasePlanEntry(targetId: $0.targetID, profileId: $0.profileID, plan: $0.plan) }
            )
            return
        }
        print("case \(caseID): \(caseFile.holder) — \(caseFile.kind.rawValue); \(results.count) plan(s) stored")
        for result in results {
            print("")
            print("target \(result.targetID) (profile \(result.profileID)):")
            PlanTextPrinter.print(result.plan)
        }
    }
}

/// One element of `longarm plan CASE --json`.
struct CasePlanEntry: Encodable {
    let targetId: Int64
    let profileId: Int64
    let plan: NoticePlan
}
