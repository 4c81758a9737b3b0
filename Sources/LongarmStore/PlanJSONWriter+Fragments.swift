import Foundation
import LongarmCore

/// The fragment format (plan format 4): a plan row keeps what belongs to its target and names the rule-derived
/// parts by the SHA-256 of their canonical JSON; keys stay sorted as in the full format.
extension PlanJSONWriter {
    /// A plan row of format 4: `fragment` names the ``PlanFragment``, each rung's `fragment` its ``RungFragment``.
    mutating func planRow(_ plan: NoticePlan, fragment: String, rungFragments: [String]) {
        var object = ObjectState()
        key("fragment", &object)
        string(fragment)
        key("kind", &object)
        string(plan.kind.rawValue)
        if let country = plan.lawCountry {
            key("lawCountry", &object)
            string(country.rawValue)
        }
        key("lawSource", &object)
        string(plan.lawSource.rawValue)
        key("profileResolvedAt", &object)
        string(plan.profileResolvedAt.formatted(Date.ISO8601FormatStyle()))
        if let regime = plan.regime {
            key("regime", &object)
            string(regime)
        }
        key("rungs", &object)
        array(Array(zip(plan.rungs, rungFragments))) { writer, pair in writer.rungRow(pair.0, fragment: pair.1) }
        key("url", &object)
        string(plan.url)
        key("warnings", &object)
        strings(plan.warnings)
        close()
    }

    private mutating func rungRow(_ rung: NoticeRung, fragment: String) {
        var object = ObjectState()
        if let country = rung.country {
            key("country", &object)
            string(country.rawValue)
        }
        key("fragment", &object)
        string(fragment)
        key("parallel", &object)
        literal(rung.parallel ? "true" : "false")
        key("party", &object)
        party(rung.party)
        key("rationale", &object)
        strings(rung.rationale)
        key("role", &object)
        string(rung.role.rawValue)
        key("step", &object)
        literal(String(rung.step))
        close()
    }

    /// A rung's rule-derived part, with the keys and values the full format gives them inside the rung.
    mutating func rungFragment(_ fragment: RungFragment) {
        var object = ObjectState()
        key("channel", &object)
        channel(fragment.channel)
        if let deadline = fragment.deadline {
            key("deadline", &object)
            self.deadline(deadline)
        }
        key("escalation", &object)
        string(fragment.escalation)
        key("languages", &object)
        strings(fragment.languages)
        key("legalBasis", &object)
        array(fragment.legalBasis) { writer, basis in writer.legalBasis(basis) }
        if let regime = fragment.regime {
            key("regime", &object)
            string(regime)
        }
        key("requiredElements", &object)
        strings(fragment.requiredElements.map(\.rawValue))
        close()
    }

    /// A plan's rule-derived part.
    mutating func planFragment(_ fragment: PlanFragment) {
        var object = ObjectState()
        key("fastLanes", &object)
        strings(fragment.fastLanes)
        key("missingFromHolder", &object)
        array(fragment.missingFromHolder) { writer, item in writer.requirement(item) }
        close()
    }
}
