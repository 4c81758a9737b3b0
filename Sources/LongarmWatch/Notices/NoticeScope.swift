/// Which notices a `notice` command addresses: one target's rung, or that rung for every target of a case.
public enum NoticeScope: Sendable, Hashable, CustomStringConvertible {
    /// One target.
    case target(Int64)
    /// Every target of a case whose plan has the rung.
    case caseID(Int64)

    public var description: String {
        switch self {
        case .target(let id): "target \(id)"
        case .caseID(let id): "case \(id)"
        }
    }
}
