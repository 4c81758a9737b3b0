import Foundation
import LongarmCore
import LongarmLetters
import LongarmRules
import LongarmStore

/// Paths to the shipped data and templates, and a stored case with resolved targets, for the workflow tests.
enum WorkflowFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let book: RuleBook = {
        do {
            return try RuleBook.load(from: root.appendingPathComponent("Data"))
        } catch {
            fatalError("shipped rules data is invalid:\n\(error)")
        }
    }()
    static let planner = NoticePlanner(book: book)
    static let date = Date(timeIntervalSince1970: 1_795_000_000)

    static func library() throws -> TemplateLibrary {
        try TemplateLibrary(directory: root.appendingPathComponent("Templates"))
    }

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-workflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every particular a letter may need, so that only evidence can be missing.
    static let particulars = LetterParticulars(
        senderName: "Li Wei",
        senderEmail: "li.wei@lantern.example",
        senderAddress: "88 Wensan Road, Hangzhou 310012, China",
        senderPhone: "+86 571 5555 0100",
        signature: "/Li Wei/",
        representedBy: "Example Law Office",
        addressForService: "c/o Example Agents, 1 Raffles Place, Singapore 048616",
        ownsWork: true,
        facts: "The page streams the full film without licence.",
        proofOfRights: "copyright registration 2025-F-00012345",
        identityDocuments: "business licence 91330100MA0000000X",
        indemnity: true,
        undertakingToSue: true,
        disclosureConsent: false
    )

    /// A profile of a page on a host in `country`, reached over a network whose abuse desk is known.
    static func profile(url: String, host: String, country: String) -> HostingProfile {
        let code = CountryCode(lenient: country)
        var profile = HostingProfile(
            url: url,
            canonicalUrl: url,
            host: host,
            registrableDomain: host,
            resolvedAt: date
        )
        profile.addresses = [
            AddressFacts(
                ip: "192.0.2.10",
                asn: 64_500,
                network: NetworkFacts(
                    country: code,
                    organization: "Example Hosting",
                    abuseEmail: "abuse@hosting.example"
                )
            )
        ]
        profile.countries = CountryFacts(hosting: [code].compactMap { $0 })
        return profile
    }

    /// A stored case of `kind` with one target per URL, each with a stored profile hosted in `country`.
    static func storedCase(
        _ store: LongarmStore,
        kind: InfringementKind,
        ownsWork: Bool?,
        country: String = "US",
        urls: [String] = ["https://films.example.net/watch/lantern"]
    ) throws -> (CaseFile, [Target]) {
        var particulars = particulars
        particulars.ownsWork = ownsWork
        let caseFile = try store.createCase(
            CaseFile(
                holder: "Hangzhou Lantern Films Co., Ltd.",
                kind: kind,
                holderCountry: CountryCode(lenient: "CN"),
                work: "the film \"Lantern Over the River\" (2025)",
                particulars: particulars
            )
        )
        let caseID = caseFile.id ?? 0
        let inserted = try store.addTargets(
            urls.map { url in
                let host = URL(string: url)?.host ?? "example.net"
                return Target(caseID: caseID, submittedURL: url, canonicalURL: url, host: host, registrableDomain: host)
            }
        )
        var targets: [Target] = []
        for insertion in inserted {
            guard case .added(let target) = insertion, let id = target.id else { continue }
            try store.saveProfile(profile(url: target.canonicalURL, host: target.host, country: country), targetID: id)
            targets.append(target)
        }
        return (caseFile, targets)
    }
}
