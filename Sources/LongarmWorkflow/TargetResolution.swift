public import LongarmCore
public import LongarmResolve
public import LongarmStore

/// Resolves stored targets and stores their profiles: shared by `submit`, `resolve --case`, re-checks and the
/// service.
public enum TargetResolution {
    /// Resolves `targets` in one run (sharing domain and network lookups) and stores a profile for each, each
    /// with its `resolve` custody entry naming `actor`.
    ///
    /// - Returns: the profiles, in the order of `targets`.
    @discardableResult
    public static func resolveAndStore(
        _ targets: [Target],
        resolver: HostingResolver,
        store: LongarmStore,
        actor: String = "longarm"
    ) async throws -> [HostingProfile] {
        guard !targets.isEmpty else { return [] }
        let profiles = await resolver.resolve(targets.map(request(for:)))
        try store.saveProfiles(
            zip(targets, profiles).compactMap { target, profile in target.id.map { (profile, $0) } },
            actor: actor
        )
        return profiles
    }

    /// The resolution request for a stored target.
    public static func request(for target: Target) -> ResolutionRequest {
        ResolutionRequest(
            url: target.submittedURL,
            canonicalUrl: target.canonicalURL,
            host: target.host,
            registrableDomain: target.registrableDomain
        )
    }
}
