public import LongarmCore

/// What the planner needs to know about the case besides the hosting profile.
public struct PlanningContext: Sendable, Hashable {
    /// The kind of infringement.
    public var kind: InfringementKind
    /// The rights holder's name.
    public var holder: String
    /// The holder's country, which decides whether a local address for service is needed.
    public var holderCountry: CountryCode?
    /// Whether the holder owns the work shown (for a deepfake: the source photo or video); `nil` if not known.
    public var ownsWork: Bool?

    /// Creates a context.
    public init(kind: InfringementKind, holder: String, holderCountry: CountryCode? = nil, ownsWork: Bool? = nil) {
        self.kind = kind
        self.holder = holder
        self.holderCountry = holderCountry
        self.ownsWork = ownsWork
    }
}
