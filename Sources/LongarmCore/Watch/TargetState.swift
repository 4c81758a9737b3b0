/// Where a watched target stands after its latest check.
public enum TargetState: String, Sendable, Codable, Hashable, CaseIterable {
    /// The content is served.
    case active
    /// The content is gone, confirmed by enough checks far enough apart.
    case removed
    /// The hosting changed (addresses, ASN, hosting country, CDN or registrar): a new plan is needed.
    case moved
    /// The content came back after it had been removed.
    case reappeared
    /// The site could not be reached (DNS failure, refused connection, timeout): neither served nor removed.
    case unreachable
}
