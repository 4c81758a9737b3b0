import Dispatch
import Foundation
import LongarmCore
import Synchronization

/// Renders many synthetic letters across regimes and languages, to measure the renderer.
public struct LetterBenchmark: Sendable {
    /// The result of one run.
    public struct Result: Sendable {
        /// Letters composed (one per party and language set).
        public var letters: Int
        /// Files rendered (letters times formats).
        public var files: Int
        /// Wall-clock seconds.
        public var seconds: Double
    }

    let library: TemplateLibrary

    /// Creates a benchmark over loaded templates.
    public init(library: TemplateLibrary) {
        self.library = library
    }

    /// Builds `count` one-rung plans (untimed), then composes them in `formats` on `workers` tasks (timed).
    public func run(count: Int, workers: Int, formats: [LetterFormat]) throws -> Result {
        let setups: [(String, String, [String], [String])] = [
            ("US", "statutory-takedown", ["en"], ["signature", "contact", "good-faith-statement"]),
            ("DE", "statutory-takedown", ["de", "en"], ["contact", "accuracy-statement"]),
            ("CN", "statutory-takedown", ["zh-Hans"], ["real-identity", "contact"]),
            ("JP", "knowledge-based", ["ja"], ["contact"]),
            ("CA", "notice-and-notice", ["en"], ["no-settlement-demand", "contact"]),
            ("RU", "statutory-takedown", ["ru"], ["contact", "personal-data-consent"]),
            ("BR", "court-order", ["pt"], ["contact"]),
            ("TH", "statutory-takedown", ["th", "en"], ["liability-statement"]),
        ]
        let caseFile = CaseFile(
            id: 1,
            holder: "Bench Films Ltd.",
            kind: .copyright,
            holderCountry: CountryCode(lenient: "CN"),
            work: "Bench Feature (2026)",
            particulars: LetterParticulars(
                senderName: "Bench Sender",
                senderEmail: "sender@bench.example",
                senderAddress: "1 Bench Road",
                signature: "/Bench Sender/",
                ownsWork: true,
                identityDocuments: "licence 1"
            )
        )
        let targets = (0..<count).map { index -> PlannedTarget in
            let (country, regime, languages, elements) = setups[index % setups.count]
            let url = "https://site\(index).example/v/\(index)"
            let rung = NoticeRung(
                step: 1,
                role: .originHost,
                party: NoticeParty(name: "Host \(index)", identifiedBy: "bench"),
                channel: NoticeChannel(kind: .email, address: "abuse@host\(index).example", confidence: .known),
                country: CountryCode(lenient: country),
                regime: regime,
                legalBasis: [LegalBasis(instrument: "Act \(country)", article: "Art. 1")],
                requiredElements: (["identify-material-url"] + elements).map { NoticeElement($0) },
                deadline: NoticeDeadline(text: "48 hours", confidence: .known),
                escalation: "after 72 hours",
                languages: languages,
                rationale: [],
                parallel: false
            )
            let plan = NoticePlan(
                url: url,
                kind: .copyright,
                lawCountry: CountryCode(lenient: country),
                lawSource: .originHost,
                regime: regime,
                rungs: [rung],
                missingFromHolder: [],
                fastLanes: [],
                warnings: [],
                profileResolvedAt: Date(timeIntervalSince1970: 0)
            )
            let target = Target(
                id: Int64(index),
                caseID: 1,
                submittedURL: url,
                canonicalURL: url,
                host: "site\(index).example",
                registrableDomain: "site\(index).example"
            )
            return PlannedTarget(target: target, plan: plan)
        }
        let options = LetterOptions(formats: formats, date: Date(timeIntervalSince1970: 1_795_000_000))
        let clock = ContinuousClock()
        let start = clock.now
        let chunk = (targets.count + workers - 1) / max(workers, 1)
        let counts = Mutex([Int](repeating: 0, count: workers))
        let failure = Mutex<(any Error)?>(nil)
        // Rendering is synchronous CPU work: one thread per worker, not tasks on the cooperative pool.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let slice = Array(targets.dropFirst(worker * chunk).prefix(chunk))
            do {
                let letters = try LetterComposer(library: library).compose(
                    caseFile: caseFile,
                    targets: slice,
                    options: options
                ).letters.count
                counts.withLock { $0[worker] = letters }
            } catch {
                failure.withLock { $0 = error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let files = counts.withLock { $0.reduce(0, +) }
        let elapsed = start.duration(to: clock.now)
        let seconds = elapsed.seconds
        return Result(letters: targets.count, files: files, seconds: seconds)
    }
}
