import Crypto
import Foundation
import GRDB
import LongarmCore

@testable import LongarmStore

/// How Longarm wrote plans in format 4 (rule-derived parts as fragments, everything else in the row), before
/// format 5 replaced it: kept here, beside the test that reads such rows back, so that the reader of older
/// databases stays tested while the store no longer writes the format.
enum PlanFormat4 {
    /// Inserts `plan` as a format-4 row for `target` with its fragments, and returns the row's id.
    static func insert(
        _ plan: NoticePlan,
        target: Int64,
        profile: Int64,
        createdAt: Date,
        _ db: Database
    ) throws
        -> Int64
    {
        func store(_ bytes: [UInt8]) throws -> String {
            let key = SHA256.hash(data: Data(bytes)).hexString
            try db.execute(
                sql: "INSERT OR IGNORE INTO plan_fragment (sha256, json) VALUES (?, ?)",
                arguments: [key, Data(bytes)]
            )
            return key
        }
        var planFragment = PlanJSONWriter()
        planFragment.format4PlanFragment(PlanFragment(plan))
        let planKey = try store(planFragment.bytes)
        var rungKeys: [String] = []
        for rung in plan.rungs {
            var writer = PlanJSONWriter()
            writer.format4RungFragment(RungFragment(rung))
            rungKeys.append(try store(writer.bytes))
        }
        var row = PlanJSONWriter()
        row.format4PlanRow(plan, fragment: planKey, rungFragments: rungKeys)
        let json = Data(row.bytes)
        try db.execute(
            sql: "INSERT INTO plan (targetId, profileId, json, createdAt, format) VALUES (?, ?, ?, ?, 4)",
            arguments: [target, profile, json, createdAt]
        )
        let id = db.lastInsertedRowID
        _ = try LongarmStore.appendCustody(
            db,
            actor: "format 4",
            action: "plan",
            object: "plan:\(id)",
            digest: SHA256.hash(data: json).hexString,
            time: createdAt
        )
        return id
    }
}

extension PlanJSONWriter {
    /// A plan row of format 4: `fragment` names the ``PlanFragment``, each rung's `fragment` its ``RungFragment``.
    mutating func format4PlanRow(_ plan: NoticePlan, fragment: String, rungFragments: [String]) {
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
        array(Array(zip(plan.rungs, rungFragments))) { writer, pair in writer.format4RungRow(pair.0, fragment: pair.1) }
        key("url", &object)
        string(plan.url)
        key("warnings", &object)
        strings(plan.warnings)
        close()
    }

    mutating func format4RungRow(_ rung: NoticeRung, fragment: String) {
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
    mutating func format4RungFragment(_ fragment: RungFragment) {
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
    mutating func format4PlanFragment(_ fragment: PlanFragment) {
        var object = ObjectState()
        key("fastLanes", &object)
        strings(fragment.fastLanes)
        key("missingFromHolder", &object)
        array(fragment.missingFromHolder) { writer, item in writer.requirement(item) }
        close()
    }
}
