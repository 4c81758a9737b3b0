import Foundation
import LongarmCore
import LongarmResolve
import LongarmStore

/// Resolves stored targets and stores their profiles: shared by `submit` and `resolve --case`.
enum TargetResolution {
    /// Resolves `targets` in one run (sharing domain and network lookups) and stores a profile for each.
    @discardableResult
    static func resolveAndStore(
        _ targets: [Target],
        resolver: HostingResolver,
        store: LongarmStore,
        quiet: Bool
    ) async throws -> [HostingProfile] {
        guard !targets.isEmpty else { return [] }
        let requests = targets.map {
            ResolutionRequest(
                url: $0.submittedURL,
                canonicalUrl: $0.canonicalURL,
                host: $0.host,
                registrableDomain: $0.registrableDomain
            )
        }
        let profiles = await resolver.resolve(requests)
        for (target, profile) in zip(targets, profiles) {
            guard let id = target.id else { continue }
            try store.saveProfile(profile, targetID: id)
        }
        if !quiet {
            printError("resolved \(profiles.count) target(s); profiles stored")
        }
        return profiles
    }
}
