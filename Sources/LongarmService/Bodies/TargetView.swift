import Foundation
import LongarmCore
import LongarmStore

/// A target as the API shows it: what was submitted, where it stands, and what resolution and planning found.
struct TargetView: Encodable {
    /// Where a target stands in the service's pipeline.
    enum Stage: String, Encodable {
        /// Stored, waiting for the resolution worker.
        case pending
        /// Resolved (a profile is stored), not yet planned.
        case resolved
        /// Resolved and planned.
        case planned
    }

    var id: Int64
    var caseId: Int64
    var submittedURL: String
    var canonicalURL: String
    var host: String
    var registrableDomain: String?
    var kind: String?
    var note: String?
    var createdAt: Date
    var stage: Stage
    var profile: ProfileSummary?
    var plan: PlanSummary?

    init(
        target: Target,
        profile: LongarmStore.LatestValue<ProfileSummary.Digest>? = nil,
        plan: LongarmStore.StoredPlan? = nil
    ) {
        id = target.id ?? 0
        caseId = target.caseID
        submittedURL = target.submittedURL
        canonicalURL = target.canonicalURL
        host = target.host
        registrableDomain = target.registrableDomain
        kind = target.kind?.rawValue
        note = target.note
        createdAt = target.createdAt
        self.profile = profile.map(ProfileSummary.init)
        self.plan = plan.map(PlanSummary.init)
        stage = plan != nil ? .planned : (profile != nil ? .resolved : .pending)
    }

    /// The views of `targets` of a case (all of them when `nil`), from their latest profiles and plans.
    static func of(caseID: Int64, targets: [Target]? = nil, store: LongarmStore) throws -> [TargetView] {
        let targets = try targets ?? store.targets(caseID: caseID)
        let only = targets.count < 64 ? Set(targets.compactMap(\.id)) : nil
        let profiles = try store.latestProfiles(caseID: caseID, as: ProfileSummary.Digest.self, targetIDs: only)
        let plans = try store.latestPlans(caseID: caseID, targetIDs: only)
        return targets.map { target in
            let id = target.id ?? 0
            return TargetView(target: target, profile: profiles[id], plan: plans[id])
        }
    }
}
