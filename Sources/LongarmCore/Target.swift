public import Foundation

/// One infringing URL within a case.
public struct Target: Sendable, Codable, Hashable, Identifiable {
    /// The store's identifier; `nil` until stored.
    public var id: Int64?
    /// The case this target belongs to.
    public var caseID: Int64
    /// The URL as submitted.
    public var submittedURL: String
    /// The canonical form, used to detect duplicates.
    public var canonicalURL: String
    /// The host of the canonical URL (IDNA A-labels).
    public var host: String
    /// The registrable domain (public suffix plus one label), or `nil` for an IP address host.
    public var registrableDomain: String?
    /// A kind that overrides the case's kind for this URL.
    public var kind: InfringementKind?
    /// A free-text note from the submitter.
    public var note: String?
    /// When the target was added.
    public var createdAt: Date

    /// Creates a target.
    public init(
        id: Int64? = nil,
        caseID: Int64,
        submittedURL: String,
        canonicalURL: String,
        host: String,
        registrableDomain: String?,
        kind: InfringementKind? = nil,
        note: String? = nil,
        createdAt: Date = Date()
    ) {
        self.id = id
        self.caseID = caseID
        self.submittedURL = submittedURL
        self.canonicalURL = canonicalURL
        self.host = host
        self.registrableDomain = registrableDomain
        self.kind = kind
        self.note = note
        self.createdAt = createdAt
    }
}
