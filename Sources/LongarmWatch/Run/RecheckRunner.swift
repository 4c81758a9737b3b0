public import Foundation
public import Logging
public import LongarmCore
import LongarmEvidence
public import LongarmResolve
public import LongarmStore

/// Runs re-checks: the library call behind `longarm recheck` and the service's scheduler and `POST /v1/recheck`.
///
/// A run (``run(selection:now:)``) gives every target a watch status, finishes follow-ups an interrupted run left,
/// checks the selected targets (plus those with a notice past its deadline) concurrently under per-host politeness,
/// stores each check with its custody entry and the target's new status, then judges the notices past their
/// deadline and drafts what follows (a new plan for a moved target, the next rung after a deadline). Each check is
/// unique per target and scheduled slot, so a run cut short (cancelled, or killed) is finished by the next run
/// without a check lost or stored twice. The clock is injected; nothing here sleeps on the wall clock.
public final class RecheckRunner: Sendable {
    /// The store.
    public let store: LongarmStore
    /// The settings.
    public let configuration: RecheckConfiguration
    let fetcher: PageFetcher
    let makeResolver: (@Sendable () throws -> HostingResolver)?
    let drafter: LazyDrafter
    let contentJudge: ContentJudge
    let clock: any WatchClock
    let logger: Logger

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - http: the HTTP client (libcurl's `CurlHTTPClient` in production; it applies the private-address guard).
    ///   - makeResolver: makes one `HostingResolver` per run (lookups are shared within a run); `nil` turns
    ///     re-resolution off, and with it move detection and the re-resolution before a notice is marked due.
    ///   - makeDrafter: makes the drafter that plans moved targets and drafts letters, the first time a follow-up
    ///     needs it (loading rules and templates costs more than a quiet run); `nil` leaves follow-ups pending.
    ///   - evidenceDirectory: where the evidence content store lives (`objects/`), to read captured bodies.
    public init(
        store: LongarmStore,
        http: any HTTPFetching,
        configuration: RecheckConfiguration = RecheckConfiguration(),
        makeResolver: (@Sendable () throws -> HostingResolver)?,
        makeDrafter: (@Sendable () -> FollowUpDrafter?)?,
        evidenceDirectory: URL?,
        clock: any WatchClock = SystemWatchClock(),
        logger: Logger = Logger(label: "longarm.watch")
    ) {
        self.store = store
        self.configuration = configuration
        self.fetcher = PageFetcher(
            http: http,
            timeout: configuration.timeout,
            maxBodyBytes: configuration.maxBodyBytes,
            maxRedirects: configuration.maxRedirects
        )
        self.makeResolver = makeResolver
        self.drafter = LazyDrafter(make: makeDrafter)
        let contentStore = evidenceDirectory.map { ContentStore(dataDirectory: $0) }
        self.contentJudge = ContentJudge { digest in try? contentStore?.get(digest) }
        self.clock = clock
        self.logger = logger
    }

    /// When the next check or notice deadline falls due, or `nil` when nothing is watched: the scheduler sleeps
    /// until then (or until a new target is added).
    public func nextDueDate() throws -> Date? {
        try store.ensureWatchStatuses()
        let dates = [try store.nextDueDate(), try store.nextNoticeDeadline()].compactMap(\.self)
        return dates.min()
    }

    /// Runs one round of checks.
    ///
    /// - Parameters:
    ///   - selection: which targets to check.
    ///   - now: the run's time; the clock's when `nil`.
    /// - Returns: the report. When the calling task is cancelled, checks already finished are stored, those in
    ///   flight are abandoned (their targets stay due) and the report says `interrupted`.
    /// - Throws: store failures, and ``WatchError`` when the resolver cannot be set up.
    public func run(selection: RecheckSelection, now: Date? = nil) async throws -> RecheckReport {
        let start = now ?? clock.now()
        let wallStart = Date()
        try store.ensureWatchStatuses()
        var followUps = try completePendingFollowUps()
        let pastDeadline = try store.openNoticesPastDeadline(at: start)
        let noticeTargets = Set(pastDeadline.map(\.targetID))
        // A target last checked before its notice's deadline is checked now, so "still up" is judged afresh.
        var staleTargets: Set<Int64> = []
        for notice in pastDeadline {
            let checked = try store.watchedTarget(id: notice.targetID)?.lastCheckedAt ?? .distantPast
            if checked < notice.dueAt ?? start { staleTargets.insert(notice.targetID) }
        }
        let probe: HostingProbe?
        if let makeResolver, configuration.resolveHosting || !noticeTargets.isEmpty {
            do {
                probe = HostingProbe(resolver: try makeResolver())
            } catch {
                throw WatchError(.failure, "cannot set up re-resolution: \(error)")
            }
        } else {
            probe = nil
        }
        let recorder = CheckRecorder(store: store, actor: configuration.actor, batchSize: configuration.batchSize)
        let context = CheckContext(
            start: start,
            probe: probe,
            politeness: HostPoliteness(policy: configuration.politeness, clock: clock),
            recorder: recorder,
            forceResolve: noticeTargets
        )
        let counts = try await checkAll(selection: selection, extra: staleTargets, context: context)
        try await recorder.flush()
        let interrupted = Task.isCancelled
        var notices: [RecheckReport.NoticeAction] = []
        if !interrupted {
            notices = try await judgeDeadlines(pastDeadline, probe: probe)
            followUps += try completePendingFollowUps()
        }
        let tally = await recorder.tally
        let finished = clock.now()
        let seconds = Date().timeIntervalSince(wallStart)
        return RecheckReport(
            selection: selection.description,
            startedAt: start,
            finishedAt: finished,
            durationSeconds: seconds,
            selected: counts.selected,
            checked: tally.checked,
            duplicates: tally.duplicates,
            superseded: tally.superseded,
            abandoned: counts.abandoned,
            interrupted: interrupted,
            outcomes: tally.outcomes,
            states: tally.states,
            resolvedHosts: probe?.resolvedHosts ?? 0,
            changes: tally.changes,
            notices: notices,
            followUps: followUps,
            flags: Self.flags(changes: tally.changes, notices: notices, followUps: followUps),
            targetsPerSecond: seconds > 0 ? Double(tally.checked) / seconds : 0
        )
    }

    /// What one run shares between its checks.
    struct CheckContext: Sendable {
        var start: Date
        var probe: HostingProbe?
        var politeness: HostPoliteness
        var recorder: CheckRecorder
        /// Targets with a notice past its deadline: always re-resolved.
        var forceResolve: Set<Int64>
    }

    /// How a check task ended.
    enum CheckEnd: Sendable {
        case done
        case abandoned
        case failed(String)
    }

    /// Checks the selection page by page, `configuration.concurrency` at a time, then the `extra` targets the
    /// selection did not include.
    private func checkAll(
        selection: RecheckSelection,
        extra: Set<Int64>,
        context: CheckContext
    ) async throws -> (selected: Int, abandoned: Int) {
        let scope: LongarmStore.WatchScope =
            switch selection {
            case .due: .dueBy(context.start)
            case .all: .all
            case .caseID(let id): .caseID(id)
            case .targets(let ids): .targetIDs(ids)
            }
        var selected = 0
        var abandoned = 0
        var failure: String?
        var covered: Set<Int64> = []
        try await withThrowingTaskGroup(of: CheckEnd.self) { group in
            var inFlight = 0
            func collect(_ end: CheckEnd?) {
                inFlight -= 1
                switch end {
                case .abandoned: abandoned += 1
                case .failed(let message): failure = failure ?? message
                default: break
                }
            }
            func submit(_ page: [LongarmStore.WatchedTarget]) async throws {
                for watched in Self.interleavedByHost(page) {
                    if Task.isCancelled || failure != nil { return }
                    while inFlight >= configuration.concurrency { collect(try await group.next()) }
                    if extra.contains(watched.target.id ?? 0) { covered.insert(watched.target.id ?? 0) }
                    selected += 1
                    inFlight += 1
                    group.addTask { await self.check(watched, context: context) }
                }
            }
            var after: Int64 = 0
            while !Task.isCancelled && failure == nil {
                let page = try store.watchedTargets(scope, afterID: after, limit: 2000)
                guard let last = page.last?.target.id else { break }
                after = last
                try await submit(page)
            }
            let rest = extra.subtracting(covered).sorted()
            if !rest.isEmpty, !Task.isCancelled {
                try await submit(try store.watchedTargets(.targetIDs(rest), limit: rest.count))
            }
            while inFlight > 0 { collect(try await group.next()) }
        }
        if let failure { throw WatchError(.failure, failure) }
        return (selected, abandoned)
    }

    /// The page reordered so that consecutive checks go to different hosts (round robin), keeping each host's order.
    static func interleavedByHost(_ page: [LongarmStore.WatchedTarget]) -> [LongarmStore.WatchedTarget] {
        var order: [String] = []
        var byHost: [String: [LongarmStore.WatchedTarget]] = [:]
        for watched in page {
            if byHost[watched.target.host] == nil { order.append(watched.target.host) }
            byHost[watched.target.host, default: []].append(watched)
        }
        if order.count == page.count { return page }
        var result: [LongarmStore.WatchedTarget] = []
        result.reserveCapacity(page.count)
        var round = 0
        while result.count < page.count {
            for host in order where round < byHost[host]!.count { result.append(byHost[host]![round]) }
            round += 1
        }
        return result
    }

    static func flags(
        changes: [RecheckReport.Change],
        notices: [RecheckReport.NoticeAction],
        followUps: [RecheckReport.FollowUp]
    ) -> [String] {
        var flags: [String] = []
        for change in changes where change.to == TargetState.reappeared.rawValue {
            flags.append("target \(change.targetId) \(change.url): the content is back after its removal")
        }
        for followUp in followUps {
            let place = followUp.folder.map { " (\($0))" } ?? ""
            flags.append("target \(followUp.targetId): \(followUp.note ?? followUp.kind)\(place)")
        }
        for notice in notices where notice.action == "held" {
            flags.append("notice \(notice.noticeId) (target \(notice.targetId)): \(notice.detail)")
        }
        return flags
    }
}
