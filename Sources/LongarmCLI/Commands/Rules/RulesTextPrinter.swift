import LongarmCore
import LongarmRules

/// Prints a jurisdiction and its rules as text for `longarm rules show`.
enum RulesTextPrinter {
    static func print(_ jurisdiction: Jurisdiction, rules: [String: KindRule], kinds: [InfringementKind]) {
        Swift.print(
            "\(jurisdiction.code) — \(jurisdiction.name)\(jurisdiction.euMember ? " (EU member: EU layer + national overrides)" : "")"
        )
        Swift.print("official languages: \(jurisdiction.officialLanguages.joined(separator: ", "))")
        let letter = jurisdiction.letter
        Swift.print(
            "letters in: \(letter.languages.joined(separator: " + "))\(letter.bilingual ? " (bilingual)" : "")"
                + (letter.advice.map { " — \($0)" } ?? "")
        )
        if let cross = jurisdiction.crossBorder {
            Swift.print(
                "cross-border: Hague Service \(cross.hagueService.rawValue); PRC judgments \(cross.prcJudgments.rawValue) "
                    + "[\(cross.confidence.rawValue)]"
            )
            if let note = cross.note { Swift.print("  \(note)") }
        }
        if let notes = jurisdiction.notes { Swift.print("notes: \(notes)") }
        for kind in kinds {
            Swift.print("")
            guard let rule = rules[kind.rawValue] else {
                Swift.print("\(kind.rawValue): no rule")
                continue
            }
            let from = { (field: String) in rule.provenance[field].map { "  [from \($0)]" } ?? "" }
            Swift.print("\(kind.rawValue): \(rule.regime.rawValue) [\(rule.confidence.rawValue)]\(from("regime"))")
            Swift.print("  legal basis:\(from("legalBasis"))")
            for basis in rule.legalBasis {
                let origin = basis.origin.map { "\($0): " } ?? ""
                Swift.print(
                    "    - \(origin)\(basis.citation) [\(basis.confidence.rawValue)]"
                        + (basis.note.map { " — \($0)" } ?? "")
                )
            }
            Swift.print("  elements: \(rule.elements.map(\.rawValue).joined(separator: ", "))\(from("elements"))")
            if let deadline = rule.deadline {
                Swift.print(
                    "  deadline: \(deadline.text)\(deadline.duration.map { " (\($0))" } ?? "") [\(deadline.confidence.rawValue)]"
                        + from("deadline")
                )
            }
            if let counter = rule.counterNotice { Swift.print("  counter-notice: \(counter)\(from("counterNotice"))") }
            if let falseNotice = rule.falseNotice {
                Swift.print("  false notice: \(falseNotice)\(from("falseNotice"))")
            }
            for lane in rule.fastLanes {
                Swift.print("  fast lane: \(lane.name) — \(lane.scope)" + (lane.deadline.map { "; \($0.text)" } ?? ""))
            }
            Swift.print("  languages: \(rule.languages.joined(separator: ", "))\(from("languages"))")
            if let notes = rule.notes { Swift.print("  notes: \(notes)\(from("notes"))") }
            for source in rule.sources {
                Swift.print("  source: \(source.title)" + (source.url.map { " <\($0)>" } ?? ""))
            }
        }
    }
}
