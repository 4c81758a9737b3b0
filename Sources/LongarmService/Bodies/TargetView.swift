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

    init(target: Target, profile: LongarmStore.StoredProfile?, plan: LongarmStore.StoredPlan?) {
        id = target.id ?? 0
        caseId = target.caseID
        submittedURL = target.submittedURL
        canonicalURL = target.canonicalURL
        host = target.host
        registrableDomain = target.registrableDomain
        kind = target.kind?.rawValue
        note = target.note
        createdAt = target.createdAt
        self.profile = profile.map { ProfileSummary(id: $0.id, profile: $0.profile) }
        self.plan = plan.map { PlanSummary(id: $0.id, createdAt: $0.createdAt, plan: $0.plan) }
        stage = plan != nil ? .planned : (profile != nil ? .resolved : .pending)
    }

    /// The views of a case's targets, from its stored profiles and plans.
    static func all(caseID: Int64, store: LongarmStore) throws -> [TargetView] {
        let profiles = try store.latestProfiles(caseID: caseID)
        let plans = try store.latestPlans(caseID: caseID)
        return try store.targets(caseID: caseID).map { target in
            let id = target.id ?? 0
            return TargetView(target: target, profile: profiles[id], plan: plans[id])
        }
    }
}
