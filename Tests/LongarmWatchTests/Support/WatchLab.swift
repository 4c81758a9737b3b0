import Foundation
import LongarmCore
import LongarmLetters
import LongarmNet
import LongarmResolve
import LongarmRules
import LongarmStore
import LongarmTestSupport
import LongarmWatch
import LongarmWorkflow

/// A re-check laboratory on the local internet: a store in a temporary folder, the real libcurl client, the live
/// resolver against nsd and the fixture RDAP/WHOIS servers, the shipped rules and templates.
struct WatchLab {
    let internet: LocalInternet
    let configuration: NetConfiguration
    let folder: URL
    let store: LongarmStore
    let http: CurlHTTPClient
    /// The client for the local internet's fault switches: a zone reload may take longer than a check may.
    let control: CurlHTTPClient
    let book: RuleBook
    let clock: ManualWatchClock

    init(start: Date = Date(timeIntervalSince1970: 1_800_000_000), timeout: Duration = .seconds(5)) async throws {
        internet = try await LocalInternet.shared()
        var configuration = try internet.configuration()
        configuration.timeout = timeout
        configuration.connectTimeout = min(configuration.connectTimeout, timeout)
        self.configuration = configuration
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try LongarmStore(path: folder.appendingPathComponent("longarm.sqlite").path)
        http = CurlHTTPClient(configuration: configuration)
        var patient = configuration
        patient.timeout = .seconds(30)
        control = CurlHTTPClient(configuration: patient)
        book = try RuleBook.load(from: LocalInternet.packageRoot.appendingPathComponent("Data"))
        clock = ManualWatchClock(start)
    }

    /// A case with one target per URL.
    func addCase(_ urls: [String], holderCountry: String = "CN") throws -> (CaseFile, [Target]) {
        let caseFile = try store.createCase(
            CaseFile(
                holder: "Li Wei",
                kind: .portrait,
                holderCountry: try CountryCode(holderCountry),
                createdAt: clock.now()
            )
        )
        let list = try PublicSuffixList.shipped(
            in: DataDirectory(url: LocalInternet.packageRoot.appendingPathComponent("Data"))
        )
        let canonicalizer = URLCanonicalizer(publicSuffixList: list)
        let targets = try urls.map { url in
            let canonical = try canonicalizer.canonicalize(url)
            return Target(
                caseID: caseFile.id!,
                submittedURL: url,
                canonicalURL: canonical.canonical,
                host: canonical.host,
                registrableDomain: canonical.registrableDomain,
                createdAt: clock.now()
            )
        }
        let stored = try store.addTargets(targets).compactMap { insertion -> Target? in
            if case .added(let target) = insertion { return target }
            return nil
        }
        return (caseFile, stored)
    }

    func resolver() throws -> HostingResolver {
        try HostingResolver.live(configuration: configuration, http: http)
    }

    /// Resolves and plans the case's targets, storing profiles and plans, as `submit` and `plan` would.
    func resolveAndPlan(_ caseFile: CaseFile) async throws -> [Int64: LongarmStore.StoredPlan] {
        try await TargetResolution.resolveAndStore(
            try store.targets(caseID: caseFile.id!),
            resolver: resolver(),
            store: store
        )
        _ = try CasePlanning(planner: NoticePlanner(book: book)).planCase(caseFile, store: store)
        return try store.latestPlans(caseID: caseFile.id!)
    }

    func drafter() throws -> FollowUpDrafter {
        let library = try TemplateLibrary(directory: LocalInternet.packageRoot.appendingPathComponent("Templates"))
        return FollowUpDrafter(
            planning: CasePlanning(planner: NoticePlanner(book: book)),
            writing: LetterWriting(
                composer: LetterComposer(library: library, book: book),
                options: LetterOptions(formats: [.txt], draft: true)
            ),
            draftsDirectory: folder.appendingPathComponent("drafts")
        )
    }

    func runner(
        confirmations: Int = 3,
        spacing: Duration = .seconds(6 * 3600),
        resolve: Bool = true
    ) throws
        -> RecheckRunner
    {
        RecheckRunner(
            store: store,
            http: http,
            configuration: RecheckConfiguration(
                judge: RemovalJudge(confirmations: confirmations, spacing: spacing),
                politeness: PolitenessPolicy(concurrency: 2, rate: 0),
                timeout: configuration.timeout,
                resolveHosting: resolve
            ),
            makeResolver: { [self] in try resolver() },
            makeDrafter: { [self] in try? drafter() },
            evidenceDirectory: folder,
            clock: clock
        )
    }

    /// Makes the local web server answer `host` + `path` with `fields` (status, body, delay, hang, prefix …).
    func override(host: String, path: String, _ fields: [String: any Sendable]) async throws {
        var object = fields
        object["host"] = host
        object["path"] = path
        let body = try JSONSerialization.data(withJSONObject: object)
        let exchange = try await control.fetch(
            HTTPRequest(url: "http://control.longarm.test/_override", method: "POST", body: body, timeout: .seconds(30))
        )
        guard exchange.status == 200 else { throw LabError(description: "override refused: \(exchange.status)") }
    }

    /// Replaces a zone served by nsd and waits until the new serial is served.
    func replaceZone(_ zone: String, with text: String) async throws {
        let exchange = try await control.fetch(
            HTTPRequest(
                url: "http://control.longarm.test/_zone/\(zone)",
                method: "PUT",
                body: Data(text.utf8),
                timeout: .seconds(30)
            )
        )
        guard exchange.status == 200 else {
            throw LabError(description: "zone \(zone) not replaced: \(String(decoding: exchange.body, as: UTF8.self))")
        }
    }

    /// Runs `selection` with the clock at `hours` after `base`.
    func run(_ runner: RecheckRunner, _ selection: RecheckSelection = .all, at date: Date) async throws -> RecheckReport
    {
        clock.set(date)
        return try await runner.run(selection: selection)
    }
}

/// The local internet refused a fault switch.
struct LabError: Error, CustomStringConvertible {
    let description: String
}
