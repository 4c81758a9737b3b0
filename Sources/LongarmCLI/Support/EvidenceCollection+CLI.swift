import Foundation
import LongarmCore
import LongarmEvidence
import LongarmNet
import LongarmStore
import LongarmWorkflow

extension EvidenceCollection {
    /// The capture step as the commands wire it: libcurl (or a test's fetcher, see ``FetcherFactory``), the DNS
    /// resolver for the recorded answers, and this user as the custody actor.
    static func live(
        net settings: NetConfiguration,
        store: LongarmStore,
        dataDirectory: URL,
        maxBodyBytes: Int = 50_000_000,
        gzip: Bool = false,
        tsaURL: String? = nil,
        concurrency: Int = 8
    ) throws -> EvidenceCollection {
        let fetcher = try FetcherFactory.makeFetcher(settings)
        let capturer = EvidenceCapturer(
            fetcher: fetcher,
            resolver: FetcherFactory.makeResolver(settings),
            configuration: CaptureConfiguration(
                maxBodyBytes: maxBodyBytes,
                timeout: settings.timeout,
                toolVersion: "longarm/\(LongarmVersion.current)",
                allowPrivateTargets: settings.allowPrivateTargets
            )
        )
        let recorder = EvidenceRecorder(
            store: store,
            dataDirectory: dataDirectory,
            actor: CustodyActor.current,
            gzip: gzip
        )
        return EvidenceCollection(
            capturer: capturer,
            recorder: recorder,
            timestamping: tsaURL.map { Timestamping(client: TimestampClient(fetcher: fetcher), tsaURL: $0) },
            concurrency: concurrency
        )
    }

}
