import Foundation
import LongarmCore
import LongarmStore

extension RecheckRunner {
    /// Checks one target and hands the result to the recorder; never throws (a failure ends the run through
    /// ``CheckEnd/failed(_:)``, a cancellation abandons the check).
    func check(_ watched: LongarmStore.WatchedTarget, context: CheckContext) async -> CheckEnd {
        let target = watched.target
        let targetID = target.id ?? 0
        let resolve = context.probe != nil && (configuration.resolveHosting || context.forceResolve.contains(targetID))
        do {
            async let resolved = resolve ? context.probe?.finding(for: target) : nil
            let url = target.canonicalURL
            let etag = watched.etag
            let lastModified = watched.lastModified
            let fetched = try await context.politeness.withPermit(host: target.host) {
                try await self.fetcher.fetch(url, etag: etag, lastModified: lastModified)
            }
            let finding = await resolved
            try Task.checkCancellation()
            let item = judge(watched, fetched: fetched, finding: finding, slot: slot(of: watched, start: context.start))
            try await context.recorder.add(item)
            return .done
        } catch is CancellationError {
            return .abandoned
        } catch {
            return .failed("target \(targetID) \(target.canonicalURL): \(error)")
        }
    }

    /// The check's slot: the due time, or the run's start for a target checked before it was due.
    func slot(of watched: LongarmStore.WatchedTarget, start: Date) -> Date {
        watched.nextCheckAt <= start ? watched.nextCheckAt : start
    }

    /// Turns a fetch (and the re-resolved hosting) into the check to store and the target's next status.
    func judge(
        _ watched: LongarmStore.WatchedTarget,
        fetched: PageFetch,
        finding: HostingProbe.Finding?,
        slot: Date
    ) -> CheckRecorder.Item {
        let checkedAt = clock.now()
        var previous = watched.status
        if previous.hosting == nil { previous.hosting = watched.profileHosting }
        var baseline = watched.baseline
        var persist = false
        if let capture = watched.captureDigest, baseline?.digest != capture {
            baseline = LongarmStore.ContentBaseline(
                digest: capture,
                source: "capture:\(watched.captureID ?? 0)",
                fingerprint: nil
            )
            persist = true
        }
        var check = LongarmStore.CheckRecord(
            targetID: watched.target.id ?? 0,
            scheduledAt: slot,
            checkedAt: checkedAt,
            outcome: "response",
            stateBefore: watched.status.state,
            stateAfter: watched.status.state
        )
        var etag = watched.etag
        var lastModified = watched.lastModified
        var lastDigest = watched.lastDigest
        var lastPresent = watched.lastContentPresent
        var baselineUpdate: LongarmStore.ContentBaseline? = persist ? baseline : nil
        let outcome: CheckObservation.Outcome
        switch fetched {
        case .response(let page):
            check.httpStatus = page.status
            check.finalURL = page.finalURL
            check.digest = page.digest
            if (200...299).contains(page.status) {
                let verdict = contentJudge.judge(
                    body: page.body,
                    digest: page.digest,
                    contentType: page.contentType,
                    baseline: baseline,
                    persist: persist
                )
                check.contentPresent = verdict.present
                check.contentMatch = verdict.match
                baselineUpdate = verdict.baselineUpdate
                etag = page.etag
                lastModified = page.lastModified
                lastDigest = page.digest
                lastPresent = verdict.present
            } else {
                // The status says the content is gone; no body comparison is made.
                check.contentPresent = false
                etag = nil
                lastModified = nil
                lastDigest = nil
                lastPresent = false
            }
            outcome = .response(status: page.status, contentPresent: check.contentPresent ?? true)
        case .notModified(let finalURL):
            check.outcome = "not-modified"
            check.httpStatus = 304
            check.finalURL = finalURL
            check.digest = watched.lastDigest
            check.contentPresent = watched.lastContentPresent ?? true
            check.contentMatch = "not-modified"
            outcome = .response(status: 304, contentPresent: check.contentPresent ?? true)
        case .unusable(let status, let finalURL, let reason):
            check.outcome = "unreachable"
            check.httpStatus = status
            check.finalURL = finalURL
            check.reason = reason
            outcome = .unreachable(reason: reason)
        }
        var signature = finding?.signature
        if let fresh = signature, let before = previous.hosting, fresh != before {
            signature = fresh.fillingGaps(from: before)
        }
        let transition = configuration.judge.apply(
            CheckObservation(time: checkedAt, outcome: outcome, hosting: signature),
            to: previous
        )
        check.stateAfter = transition.status.state
        check.hosting = signature
        check.hostingChanges = transition.hostingChanges
        let moved = transition.status.state == .moved && !transition.hostingChanges.isEmpty
        let write = LongarmStore.CheckWrite(
            check: check,
            caseID: watched.target.caseID,
            expectedVersion: watched.version,
            status: transition.status,
            // At least a second later: a zero wait (`--spacing 0s`) must not reuse this check's slot.
            nextCheckAt: max(
                configuration.schedule.nextCheck(
                    after: checkedAt,
                    status: transition.status,
                    targetID: watched.target.id ?? 0
                ),
                max(checkedAt, slot).addingTimeInterval(1)
            ),
            etag: etag,
            lastModified: lastModified,
            lastDigest: lastDigest,
            lastContentPresent: lastPresent,
            baseline: baselineUpdate,
            movedProfile: moved ? finding?.profile(for: watched.target) : nil
        )
        // Words are needed only for a change of state.
        let detail =
            transition.changed
            ? Self.detail(check, transition: transition, before: previous.hosting, judge: configuration.judge) : ""
        return CheckRecorder.Item(write: write, url: watched.target.canonicalURL, detail: detail)
    }

    /// Why the state is what it is, in words, for the report.
    static func detail(
        _ check: LongarmStore.CheckRecord,
        transition: RemovalJudge.Transition,
        before: HostingSignature?,
        judge: RemovalJudge
    ) -> String {
        let status = check.httpStatus.map { "HTTP \($0)" } ?? "no response"
        switch transition.status.state {
        case .removed:
            return "\(status) (\(check.contentMatch ?? "gone")); removal confirmed by \(judge.confirmations) "
                + "check(s) at least \(DurationText.format(judge.spacing)) apart"
        case .unreachable:
            return check.reason ?? status
        case .moved:
            let countries = [before?.hostingCountries, check.hosting?.hostingCountries].map {
                ($0 ?? []).map(\.rawValue).joined(separator: "+")
            }
            return "hosting changed: \(transition.hostingChanges.joined(separator: ", ")) "
                + "(hosting country \(countries[0].isEmpty ? "?" : countries[0]) → "
                + "\(countries[1].isEmpty ? "?" : countries[1]))"
        case .reappeared:
            return "served again: \(status) (\(check.contentMatch ?? "content present"))"
        case .active:
            return "served: \(status) (\(check.contentMatch ?? "content present"))"
        }
    }
}

extension HostingSignature {
    /// This signature with the parts a failed lookup left empty taken from `earlier`: a registrar, ASN or country
    /// that could not be looked up this time is not a change.
    func fillingGaps(from earlier: HostingSignature) -> HostingSignature {
        let sameAddresses = addresses == earlier.addresses
        return HostingSignature(
            addresses: addresses,
            asns: asns.isEmpty && sameAddresses ? earlier.asns : asns,
            hostingCountries: hostingCountries.isEmpty && sameAddresses ? earlier.hostingCountries : hostingCountries,
            cdn: cdn,
            registrar: registrar ?? earlier.registrar
        )
    }
}
