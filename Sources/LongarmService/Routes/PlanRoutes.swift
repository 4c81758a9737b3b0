import Foundation
import Hummingbird
import LongarmCore
import LongarmStore

/// `GET /v1/cases/{id}/plan`: the latest notice plan of every resolved target.
///
/// A target whose latest profile has no plan yet (resolved by the CLI, or planning failed after resolution) is
/// planned now and the plan stored, so the answer always matches the latest profiles; targets still waiting for
/// resolution are listed as pending.
struct PlanRoutes {
    struct Entry: Encodable {
        var targetId: Int64
        var profileId: Int64
        var planId: Int64
        var createdAt: Date
        var plan: NoticePlan
    }

    struct Pending: Encodable {
        var targetId: Int64
        var canonicalURL: String
    }

    struct Body: Encodable {
        var caseId: Int64
        var plans: [Entry]
        var pending: [Pending]
    }

    let dependencies: ServiceDependencies
    let metrics: ServiceMetrics

    func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try context.identifier("id")
        let caseFile = try dependencies.store.requireCase(id)
        let current = try CurrentPlans(caseFile: caseFile, dependencies: dependencies, metrics: metrics)
        let (targets, plans) = (current.targets, current.plans)
        var body = Body(caseId: id, plans: [], pending: [])
        for target in targets {
            guard let targetID = target.id else { continue }
            if let stored = plans[targetID] {
                body.plans.append(
                    Entry(
                        targetId: targetID,
                        profileId: stored.profileID,
                        planId: stored.id,
                        createdAt: stored.createdAt,
                        plan: stored.plan
                    )
                )
            } else {
                body.pending.append(Pending(targetId: targetID, canonicalURL: target.canonicalURL))
            }
        }
        return try APIJSON.response(body)
    }
}
