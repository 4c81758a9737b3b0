public import LongarmCore

/// Defaults for one role on the ladder (`Data/jurisdictions/roles.yaml`): when to escalate, and what binds
/// parties that are not hosts (registrars, registries, search engines).
public struct RoleRule: Sendable, Codable, Hashable {
    /// The role.
    public var role: NoticeRung.Role
    /// When to move on to the next rung.
    public var escalation: String
    /// Provisions that bind the party whatever the content's law (for example ICANN's RAA for registrars).
    public var legalBasis: [LegalBasis]
    /// Elements a notice to this role needs when the content's law does not decide them.
    public var elements: [NoticeElement]
    /// Why this role matters, or what it refuses.
    public var note: String?
    /// How certain the defaults are.
    public var confidence: Confidence
}
