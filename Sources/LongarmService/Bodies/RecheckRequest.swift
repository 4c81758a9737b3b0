import Foundation
import HTTPTypes
import LongarmWatch

/// The body of `POST /v1/recheck`: which targets to check now. At most one of the fields; `{}` checks the due ones.
struct RecheckRequest: Decodable {
    /// `due` or `all`.
    var scope: String?
    /// Every target of this case.
    var caseId: Int64?
    /// These targets.
    var targetIds: [Int64]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case scope, caseId, targetIds
    }

    static let shape = JSONBody.Shape(fields: Set(CodingKeys.allCases.map(\.rawValue)))

    /// The selection asked for, or the error naming the field at fault.
    ///
    /// - Parameter maxTargets: the most target identifiers one request may list.
    func selection(maxTargets: Int) throws -> RecheckSelection {
        let given = [scope != nil, caseId != nil, targetIds != nil].filter(\.self).count
        guard given <= 1 else {
            throw APIError.invalidField("scope", "give at most one of scope, caseId and targetIds")
        }
        if let caseId {
            guard caseId > 0 else { throw APIError.invalidValue("caseId", "\(caseId) is not a case identifier") }
            return .caseID(caseId)
        }
        if let targetIds {
            guard !targetIds.isEmpty else { throw APIError.invalidField("targetIds", "list at least one target") }
            guard targetIds.count <= maxTargets else {
                throw APIError(
                    .contentTooLarge,
                    code: "too_many_targets",
                    "\(targetIds.count) targets in one request; at most \(maxTargets)"
                )
            }
            if let bad = targetIds.first(where: { $0 <= 0 }) {
                throw APIError.invalidValue("targetIds", "\(bad) is not a target identifier")
            }
            return .targets(Array(Set(targetIds)).sorted())
        }
        switch scope {
        case nil, "due": return .due
        case "all": return .all
        case let other?: throw APIError.invalidValue("scope", "\"\(other)\" is not a scope; use due or all")
        }
    }
}
