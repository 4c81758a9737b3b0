import ArgumentParser
import Foundation
import LongarmCore
import LongarmLetters
import LongarmStore
import LongarmWorkflow

/// `longarm case show CASE`: the case's particulars and what its stored plans still need.
struct CaseShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a case and what its letters still need."
    )

    struct Missing: Encodable {
        var targetID: Int64
        var rungStep: Int
        var party: String
        var element: String
        var fields: [String]
    }

    struct Report: Encodable {
        var caseFile: CaseFile
        var plannedTargets: Int
        var targets: Int
        var missing: [Missing]
    }

    @Argument(help: "The case's number.") var caseID: Int64
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let db = try store.open()
            guard let caseFile = try db.caseFile(id: caseID) else {
                throw CLIError(.badInput, "case \(caseID) does not exist")
            }
            let targets = try db.targets(caseID: caseID)
            let plans = try db.latestPlans(caseID: caseID)
            let evidence = try CaseEvidence.summaries(for: caseFile, targets: targets, store: db)
            var missing: [Missing] = []
            for (targetID, stored) in plans.sorted(by: { $0.key < $1.key }) {
                for rung in stored.plan.rungs {
                    let check = ElementCheck(
                        caseFile: caseFile,
                        hasEvidence: evidence[targetID] != nil,
                        lawCountry: stored.plan.lawCountry,
                        hasLegalBasis: !rung.legalBasis.isEmpty
                    )
                    for element in rung.requiredElements {
                        if case .missing(let fields) = check.outcome(element) {
                            missing.append(
                                Missing(
                                    targetID: targetID,
                                    rungStep: rung.step,
                                    party: rung.party.name,
                                    element: element.rawValue,
                                    fields: fields
                                )
                            )
                        }
                    }
                }
            }
            let report = Report(
                caseFile: caseFile,
                plannedTargets: plans.count,
                targets: targets.count,
                missing: missing
            )
            if output.json {
                try JSONOutput.print(report)
                return
            }
            print(Self.describe(caseFile))
            print("targets: \(targets.count), planned: \(plans.count)")
            if plans.isEmpty {
                print("no plan is stored yet: run longarm plan \(caseID) to see what the letters will need")
                return
            }
            let fields = Array(Set(missing.flatMap(\.fields))).sorted()
            if fields.isEmpty {
                print("nothing missing for the stored plans")
            } else {
                print("missing for the stored plans (evidence: the successful captures stored for each target):")
                for field in fields {
                    let needing = missing.filter { $0.fields.contains(field) }
                    let parties = Array(Set(needing.map(\.party))).sorted().joined(separator: ", ")
                    let elements = Array(Set(needing.map(\.element))).sorted().joined(separator: ", ")
                    print("  \(field): \(elements), for \(parties); set with \(ElementCheck.option(for: field))")
                }
            }
        }
    }

    static func describe(_ caseFile: CaseFile) -> String {
        let p = caseFile.particulars
        var lines = ["case \(caseFile.id ?? 0): \(caseFile.holder) (\(caseFile.kind.rawValue))"]
        let fields: [(String, String?)] = [
            ("holder country", caseFile.holderCountry?.rawValue), ("title", caseFile.title), ("work", caseFile.work),
            ("sender name", p.senderName), ("sender email", p.senderEmail), ("sender address", p.senderAddress),
            ("sender phone", p.senderPhone), ("signature", p.signature), ("represented by", p.representedBy),
            ("address for service", p.addressForService), ("owns work", p.ownsWork.map { $0 ? "yes" : "no" }),
            ("facts", p.facts), ("proof of rights", p.proofOfRights), ("identity documents", p.identityDocuments),
            ("indemnity", p.indemnity.map { $0 ? "yes" : "no" }),
            ("undertaking to sue", p.undertakingToSue.map { $0 ? "yes" : "no" }),
            ("disclosure consent", p.disclosureConsent.map { $0 ? "yes" : "no" }), ("language", p.language),
        ]
        for (name, value) in fields { lines.append("  \(name): \(value ?? "-")") }
        return lines.joined(separator: "\n")
    }
}
