import LongarmCore

/// Prints a notice plan as text.
enum PlanTextPrinter {
    static func print(_ plan: NoticePlan) {
        Swift.print("plan for \(plan.url) — \(plan.kind.rawValue)")
        let law = plan.lawCountry.map { "\($0) (\(plan.lawSource.rawValue))" } ?? "none"
        Swift.print("law: \(law); regime: \(plan.regime ?? "none")")
        for rung in plan.rungs {
            let parallel = rung.parallel ? " [in parallel]" : ""
            Swift.print("\(rung.step). \(rung.role.rawValue): \(rung.party.name)\(parallel)")
            let address = rung.channel.address ?? "channel unknown"
            Swift.print("   channel: \(rung.channel.kind.rawValue) \(address) [\(rung.channel.confidence.rawValue)]")
            if let country = rung.country { Swift.print("   country: \(country)") }
            if !rung.legalBasis.isEmpty {
                Swift.print("   basis: \(rung.legalBasis.map(\.citation).joined(separator: "; "))")
            }
            if !rung.requiredElements.isEmpty {
                Swift.print("   elements: \(rung.requiredElements.map(\.rawValue).joined(separator: ", "))")
            }
            if let deadline = rung.deadline {
                Swift.print("   deadline: \(deadline.text) [\(deadline.confidence.rawValue)]")
            }
            Swift.print("   languages: \(rung.languages.joined(separator: ", "))")
            Swift.print("   escalate: \(rung.escalation)")
            for line in rung.rationale { Swift.print("   - \(line)") }
        }
        if !plan.missingFromHolder.isEmpty {
            Swift.print("the holder must still supply:")
            for item in plan.missingFromHolder { Swift.print("  - \(item.element): \(item.reason)") }
        }
        for lane in plan.fastLanes { Swift.print("fast lane: \(lane)") }
        for warning in plan.warnings { Swift.print("warning: \(warning)") }
    }
}
