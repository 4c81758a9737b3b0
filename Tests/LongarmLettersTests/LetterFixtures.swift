import Foundation
import LongarmCore
import LongarmLetters

/// Shared cases, plans and paths for the letters tests.
enum LetterFixtures {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates")
    static let goldenSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")
    static let date = Date(timeIntervalSince1970: 1_795_000_000)

    static func library() throws -> TemplateLibrary { try TemplateLibrary(directory: templates) }

    /// A case with every particular filled.
    static func fullCase(kind: InfringementKind = .copyright, holderCountry: String = "CN") -> CaseFile {
        CaseFile(
            id: 3,
            holder: "Hangzhou Lantern Films Co., Ltd.",
            kind: kind,
            holderCountry: CountryCode(lenient: holderCountry),
            title: "Lantern pirated",
            work: "the film \"Lantern Over the River\" (2025)",
            createdAt: date,
            particulars: LetterParticulars(
                senderName: "Li Wei",
                senderEmail: "li.wei@lantern.example",
                senderAddress: "88 Wensan Road, Hangzhou 310012, China",
                senderPhone: "+86 571 5555 0100",
                signature: "/Li Wei/",
                representedBy: "Example Law Office",
                addressForService: "c/o Example Agents, 1 Raffles Place, Singapore 048616",
                ownsWork: false,
                facts: "The page streams the full film without licence and claims it is a free release.",
                proofOfRights: "copyright registration 2025-F-00012345",
                identityDocuments: "business licence 91330100MA0000000X",
                indemnity: true,
                undertakingToSue: true,
                disclosureConsent: false,
                language: nil
            )
        )
    }

    static func target(_ id: Int64, _ url: String) -> Target {
        let host = URL(string: url)?.host ?? "example.net"
        return Target(
            id: id,
            caseID: 3,
            submittedURL: url,
            canonicalURL: url,
            host: host,
            registrableDomain: host,
            createdAt: date
        )
    }

    /// A one-rung plan for the given regime, country, languages and elements.
    static func plan(
        url: String,
        kind: InfringementKind = .copyright,
        country: String,
        regime: String,
        languages: [String],
        elements: [String],
        bases: [LegalBasis],
        party: String = "Example Hosting GmbH",
        channel: NoticeChannel = NoticeChannel(kind: .email, address: "abuse@hosting.example", confidence: .known),
        role: NoticeRung.Role = .originHost,
        deadline: NoticeDeadline? = NoticeDeadline(text: "expeditiously", confidence: .known)
    ) -> NoticePlan {
        let code = CountryCode(lenient: country)
        let rung = NoticeRung(
            step: 1,
            role: role,
            party: NoticeParty(name: party, identifiedBy: "provider registry"),
            channel: channel,
            country: code,
            regime: regime,
            legalBasis: bases,
            requiredElements: elements.map { NoticeElement($0) },
            deadline: deadline,
            escalation: "after 72 hours",
            languages: languages,
            rationale: [],
            parallel: false
        )
        return NoticePlan(
            url: url,
            kind: kind,
            lawCountry: code,
            lawSource: .originHost,
            regime: regime,
            rungs: [rung],
            missingFromHolder: [],
            fastLanes: [],
            warnings: [],
            profileResolvedAt: date
        )
    }

    static let evidence = EvidenceSummary(
        captures: [
            EvidenceSummary.Capture(
                url: "https://films.example.net/watch/lantern",
                capturedAt: date,
                sha256: "9f2c5d1e0b7a4c3d2e1f00112233445566778899aabbccddeeff001122334455",
                serverAddress: "203.0.113.7:443"
            )
        ],
        manifestName: "manifest.json",
        manifest: Data(#"{"captures":1}"#.utf8)
    )
}
