public import LongarmCore
public import LongarmEvidence

/// Captures pages as evidence and records them (content store, WARC, database, custody log), optionally with
/// an RFC 3161 token over each WARC file: shared by `evidence capture`, `submit --evidence`, the capture
/// benchmark and the service.
///
/// Captures run concurrently (`concurrency` at a time); one page that cannot be fetched or stored never stops
/// the others, and what was recorded before a failure stays recorded.
public struct EvidenceCollection: Sendable {
    /// One page to capture, and the target it belongs to when it is one.
    public struct Job: Sendable, Hashable {
        /// The URL fetched.
        public var url: String
        /// The stored target the URL is, if any.
        public var targetID: Int64?

        /// Creates a job.
        public init(url: String, targetID: Int64? = nil) {
            self.url = url
            self.targetID = targetID
        }
    }

    /// What became of one job.
    public struct Outcome: Sendable {
        /// The job.
        public var job: Job
        /// The recorded capture, or why there is none.
        public var result: Result<EvidenceCapture, any Error>

        /// The capture, when the job succeeded.
        public var capture: EvidenceCapture? { try? result.get() }
    }

    /// Where RFC 3161 tokens come from.
    public struct Timestamping: Sendable {
        /// The client that asks the authority.
        public var client: TimestampClient
        /// The authority's URL.
        public var tsaURL: String

        /// Creates the settings.
        public init(client: TimestampClient, tsaURL: String) {
            self.client = client
            self.tsaURL = tsaURL
        }
    }

    private let capturer: EvidenceCapturer
    private let recorder: EvidenceRecorder
    private let timestamping: Timestamping?
    private let concurrency: Int

    /// Creates the step; `concurrency` bounds the captures in flight.
    public init(
        capturer: EvidenceCapturer,
        recorder: EvidenceRecorder,
        timestamping: Timestamping? = nil,
        concurrency: Int = 8
    ) {
        self.capturer = capturer
        self.recorder = recorder
        self.timestamping = timestamping
        self.concurrency = max(1, concurrency)
    }

    /// The jobs for stored targets: each target's canonical URL.
    public static func jobs(for targets: [Target]) -> [Job] {
        targets.map { Job(url: $0.canonicalURL, targetID: $0.id) }
    }

    /// Captures and records every job for `caseID`; `progress` hears each outcome as it completes.
    ///
    /// - Returns: the outcomes in the order of `jobs`.
    public func capture(
        _ jobs: [Job],
        caseID: Int64,
        progress: @escaping @Sendable (Outcome) -> Void = { _ in }
    ) async -> [Outcome] {
        var outcomes = [Outcome?](repeating: nil, count: jobs.count)
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func launch() {
                guard next < jobs.count else { return }
                let index = next
                let job = jobs[index]
                next += 1
                group.addTask {
                    let outcome = Outcome(job: job, result: await self.captureOne(job, caseID: caseID))
                    progress(outcome)
                    return (index, outcome)
                }
            }
            for _ in 0..<min(concurrency, jobs.count) { launch() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                launch()
            }
        }
        return outcomes.compactMap(\.self)
    }

    private func captureOne(_ job: Job, caseID: Int64) async -> Result<EvidenceCapture, any Error> {
        do {
            let page = try await capturer.capture(url: job.url)
            let capture = try await recorder.record(page, caseID: caseID, targetID: job.targetID)
            if let timestamping {
                try await recorder.timestampWARC(of: capture, client: timestamping.client, tsaURL: timestamping.tsaURL)
            }
            return .success(capture)
        } catch {
            return .failure(error)
        }
    }
}
