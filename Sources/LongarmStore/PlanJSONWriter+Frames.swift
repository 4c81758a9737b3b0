import Foundation
import LongarmCore

/// Plan format 5: a plan row keeps what names its target and names the shared frames by the SHA-256 of their
/// canonical JSON; keys stay sorted as in the whole-plan format.
extension PlanJSONWriter {
    /// A plan row of format 5: `frame` names the ``PlanFrame``; each rung names its ``RungFrame`` and carries
    /// the parts of its own that the frame leaves out. Empty lists of own sentences are left out.
    mutating func planRow(
        _ plan: NoticePlan,
        frame: String,
        rungs: [(frame: String, own: RungFrame.Own)],
        ownWarnings: [String]
    ) {
        var object = ObjectState()
        key("frame", &object)
        plainString(frame)
        key("profileResolvedAt", &object)
        string(StoreDate.iso8601(plan.profileResolvedAt))
        key("rungs", &object)
        array(rungs) { writer, rung in writer.rungRow(frame: rung.frame, own: rung.own) }
        key("url", &object)
        string(plan.url)
        if !ownWarnings.isEmpty {
            key("warnings", &object)
            strings(ownWarnings)
        }
        close()
    }

    private mutating func rungRow(frame: String, own: RungFrame.Own) {
        var object = ObjectState()
        if let channel = own.channel {
            key("channel", &object)
            self.channel(channel)
        }
        key("frame", &object)
        plainString(frame)
        if let party = own.party {
            key("party", &object)
            self.party(party)
        }
        if !own.rationale.isEmpty {
            key("rationale", &object)
            strings(own.rationale)
        }
        close()
    }

    /// A rung's frame, with the keys and values the whole-plan format gives them inside the rung; the places
    /// of the target's own sentences are `null`.
    mutating func rungFrame(_ frame: RungFrame) {
        var object = ObjectState()
        if let channel = frame.channel {
            key("channel", &object)
            self.channel(channel)
        }
        if let country = frame.country {
            key("country", &object)
            string(country.rawValue)
        }
        if let deadline = frame.deadline {
            key("deadline", &object)
            self.deadline(deadline)
        }
        key("escalation", &object)
        string(frame.escalation)
        key("languages", &object)
        strings(frame.languages)
        key("legalBasis", &object)
        array(frame.legalBasis) { writer, basis in writer.legalBasis(basis) }
        key("parallel", &object)
        literal(frame.parallel ? "true" : "false")
        if let party = frame.party {
            key("party", &object)
            self.party(party)
        }
        key("rationale", &object)
        optionalStrings(frame.rationale)
        if let regime = frame.regime {
            key("regime", &object)
            string(regime)
        }
        key("requiredElements", &object)
        strings(frame.requiredElements.map(\.rawValue))
        key("role", &object)
        string(frame.role.rawValue)
        key("step", &object)
        literal(String(frame.step))
        close()
    }

    /// A plan's frame.
    mutating func planFrame(_ frame: PlanFrame) {
        var object = ObjectState()
        key("fastLanes", &object)
        strings(frame.fastLanes)
        key("kind", &object)
        string(frame.kind.rawValue)
        if let country = frame.lawCountry {
            key("lawCountry", &object)
            string(country.rawValue)
        }
        key("lawSource", &object)
        string(frame.lawSource.rawValue)
        key("missingFromHolder", &object)
        array(frame.missingFromHolder) { writer, item in writer.requirement(item) }
        if let regime = frame.regime {
            key("regime", &object)
            string(regime)
        }
        key("warnings", &object)
        optionalStrings(frame.warnings)
        close()
    }

    private mutating func optionalStrings(_ items: [String?]) {
        array(items) { writer, item in
            if let item { writer.string(item) } else { writer.literal("null") }
        }
    }
}
