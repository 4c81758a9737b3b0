public import LongarmCore
public import LongarmResolve
import LongarmWorkflow
import Synchronization

/// Re-resolves the hosting of targets during one run, sharing the work: each host is resolved once per run (the
/// resolver itself shares registrable-domain and network lookups), whatever number of URLs it serves.
public final class HostingProbe: Sendable {
    /// A host's resolution: the profile (with the URL of the first target that asked) and its signature.
    public struct Finding: Sendable {
        /// The profile as resolved.
        public var profile: HostingProfile
        /// Its signature, or `nil` when resolution found no address.
        public var signature: HostingSignature?

        /// The profile with `target`'s own URL, as stored when the target moved.
        public func profile(for target: Target) -> HostingProfile {
            var copy = profile
            copy.url = target.submittedURL
            copy.canonicalUrl = target.canonicalURL
            return copy
        }
    }

    private let resolver: HostingResolver
    private let byHost = Mutex<[String: Task<Finding, Never>]>([:])

    /// A probe over one run's resolver.
    public init(resolver: HostingResolver) {
        self.resolver = resolver
    }

    /// The number of hosts resolved (or being resolved) so far.
    public var resolvedHosts: Int { byHost.withLock { $0.count } }

    /// The finding for `target`'s host, resolved at most once per run.
    public func finding(for target: Target) async -> Finding {
        let resolver = self.resolver
        let task = byHost.withLock { tasks in
            if let existing = tasks[target.host] { return existing }
            let request = TargetResolution.request(for: target)
            let task = Task {
                let profile = await resolver.resolve(request)
                return Finding(profile: profile, signature: Self.signature(of: profile))
            }
            tasks[target.host] = task
            return task
        }
        return await task.value
    }

    /// The hosting profile of `target`'s host, resolved at most once per run, with the target's own URL.
    public func profile(for target: Target) async -> HostingProfile {
        await finding(for: target).profile(for: target)
    }

    /// The signature of a profile when resolution found addresses; `nil` when it failed (a DNS failure is not a
    /// move: the fetch decides whether the site is unreachable).
    public static func signature(of profile: HostingProfile) -> HostingSignature? {
        profile.addresses.isEmpty ? nil : HostingSignature(profile)
    }
}
