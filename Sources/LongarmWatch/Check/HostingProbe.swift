public import LongarmCore
public import LongarmResolve
import LongarmWorkflow
import Synchronization

/// Re-resolves the hosting of targets during one run, sharing the work: each host is resolved once per run (the
/// resolver itself shares registrable-domain and network lookups), whatever number of URLs it serves.
public final class HostingProbe: Sendable {
    private let resolver: HostingResolver
    private let byHost = Mutex<[String: Task<HostingProfile, Never>]>([:])

    /// A probe over one run's resolver.
    public init(resolver: HostingResolver) {
        self.resolver = resolver
    }

    /// The number of hosts resolved (or being resolved) so far.
    public var resolvedHosts: Int { byHost.withLock { $0.count } }

    /// The hosting profile of `target`'s host, resolved at most once per run, with the target's own URL.
    public func profile(for target: Target) async -> HostingProfile {
        let resolver = self.resolver
        let task = byHost.withLock { tasks in
            if let existing = tasks[target.host] { return existing }
            let request = TargetResolution.request(for: target)
            let task = Task { await resolver.resolve(request) }
            tasks[target.host] = task
            return task
        }
        var profile = await task.value
        profile.url = target.submittedURL
        profile.canonicalUrl = target.canonicalURL
        return profile
    }

    /// The signature of a profile when resolution found addresses; `nil` when it failed (a DNS failure is not a
    /// move: the fetch decides whether the site is unreachable).
    public static func signature(of profile: HostingProfile) -> HostingSignature? {
        profile.addresses.isEmpty ? nil : HostingSignature(profile)
    }
}
