/// Which targets a run checks.
public enum RecheckSelection: Sendable, Hashable, CustomStringConvertible {
    /// Targets whose next check is due (the scheduler's choice; a run cut short is finished by the next one).
    case due
    /// Every target, due or not.
    case all
    /// Every target of one case.
    case caseID(Int64)
    /// The listed targets.
    case targets([Int64])

    public var description: String {
        switch self {
        case .due: "due"
        case .all: "all"
        case .caseID(let id): "case \(id)"
        case .targets(let ids): "targets \(ids.map(String.init).joined(separator: ","))"
        }
    }
}
