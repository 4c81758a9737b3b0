import Foundation
import GRDB
import LongarmCore

/// Reads plan rows back into the `NoticePlan` they were made from, whatever their format: 3 (the whole plan),
/// 4 (the plan with its rule-derived parts named by digest) or 5 (what names the target, with shared frames
/// named by digest), reassembling the shared parts from `plan_fragment`. Each is decoded once per reader.
struct PlanReader {
    private var rungFragments: [String: RungFragment] = [:]
    private var planFragments: [String: PlanFragment] = [:]
    private var rungFrames: [String: RungFrame] = [:]
    private var planFrames: [String: PlanFrame] = [:]

    /// The stored plan of a `plan` row (all columns).
    mutating func storedPlan(_ row: Row, _ db: Database) throws -> LongarmStore.StoredPlan {
        let json: Data = row["json"]
        let format: Int = row["format"] ?? 3
        return LongarmStore.StoredPlan(
            id: row["id"],
            targetID: row["targetId"],
            profileID: row["profileId"],
            createdAt: row["createdAt"],
            plan: try plan(json, format: format, db)
        )
    }

    /// The plan stored as `json` in `format`.
    mutating func plan(_ json: Data, format: Int, _ db: Database) throws -> NoticePlan {
        switch format {
        case 3:
            return try LongarmStore.jsonDecoder.decode(NoticePlan.self, from: json)
        case 4:
            let row = try LongarmStore.jsonDecoder.decode(PlanRow.self, from: json)
            let shared = try fragment(row.fragment, in: &planFragments, db)
            var rungs: [NoticeRung] = []
            rungs.reserveCapacity(row.rungs.count)
            for rung in row.rungs {
                let part = try fragment(rung.fragment, in: &rungFragments, db)
                rungs.append(
                    NoticeRung(
                        step: rung.step,
                        role: rung.role,
                        party: rung.party,
                        channel: part.channel,
                        country: rung.country,
                        regime: part.regime,
                        legalBasis: part.legalBasis,
                        requiredElements: part.requiredElements,
                        deadline: part.deadline,
                        escalation: part.escalation,
                        languages: part.languages,
                        rationale: rung.rationale,
                        parallel: rung.parallel
                    )
                )
            }
            return NoticePlan(
                url: row.url,
                kind: row.kind,
                lawCountry: row.lawCountry,
                lawSource: row.lawSource,
                regime: row.regime,
                rungs: rungs,
                missingFromHolder: shared.missingFromHolder,
                fastLanes: shared.fastLanes,
                warnings: row.warnings,
                profileResolvedAt: row.profileResolvedAt
            )
        case 5:
            let row = try LongarmStore.jsonDecoder.decode(FramedPlanRow.self, from: json)
            let frame = try fragment(row.frame, in: &planFrames, db)
            var rungs: [NoticeRung] = []
            rungs.reserveCapacity(row.rungs.count)
            for rung in row.rungs {
                let own = RungFrame.Own(channel: rung.channel, party: rung.party, rationale: rung.rationale ?? [])
                rungs.append(try fragment(rung.frame, in: &rungFrames, db).rung(with: own))
            }
            return NoticePlan(
                url: row.url,
                kind: frame.kind,
                lawCountry: frame.lawCountry,
                lawSource: frame.lawSource,
                regime: frame.regime,
                rungs: rungs,
                missingFromHolder: frame.missingFromHolder,
                fastLanes: frame.fastLanes,
                warnings: try frame.warnings(with: row.warnings ?? []),
                profileResolvedAt: row.profileResolvedAt
            )
        default:
            throw StoreError.inconsistent("plan row of unknown format \(format)")
        }
    }

    private func fragment<T: Decodable>(
        _ sha256: String,
        in cache: inout [String: T],
        _ db: Database
    ) throws -> T {
        if let known = cache[sha256] { return known }
        guard
            let json = try Data.fetchOne(
                db,
                sql: "SELECT json FROM plan_fragment WHERE sha256 = ?",
                arguments: [sha256]
            )
        else { throw StoreError.inconsistent("plan fragment \(sha256) is missing") }
        let value = try LongarmStore.jsonDecoder.decode(T.self, from: json)
        cache[sha256] = value
        return value
    }

    /// A plan row of format 4.
    private struct PlanRow: Decodable {
        var fragment: String
        var kind: InfringementKind
        var lawCountry: CountryCode?
        var lawSource: NoticePlan.LawSource
        var profileResolvedAt: Date
        var regime: String?
        var rungs: [RungRow]
        var url: String
        var warnings: [String]
    }

    /// A rung of a format-4 plan row.
    private struct RungRow: Decodable {
        var country: CountryCode?
        var fragment: String
        var parallel: Bool
        var party: NoticeParty
        var rationale: [String]
        var role: NoticeRung.Role
        var step: Int
    }

    /// A plan row of format 5.
    private struct FramedPlanRow: Decodable {
        var frame: String
        var profileResolvedAt: Date
        var rungs: [FramedRungRow]
        var url: String
        var warnings: [String]?
    }

    /// A rung of a format-5 plan row: its frame and the parts of its own.
    private struct FramedRungRow: Decodable {
        var channel: NoticeChannel?
        var frame: String
        var party: NoticeParty?
        var rationale: [String]?
    }
}
