import Foundation
import LongarmCore
import LongarmStore

/// A hand-made plan of three rungs (host with a 48-hour deadline, registrar without a fixed period, upstream).
enum SamplePlan {
    static func rung(_ step: Int, _ role: NoticeRung.Role, _ party: String, deadline: String?) -> NoticeRung {
        NoticeRung(
            step: step,
            role: role,
            party: NoticeParty(name: party, identifiedBy: "test"),
            channel: NoticeChannel(kind: .email, address: "abuse@\(step).example", confidence: .known),
            country: nil,
            regime: nil,
            legalBasis: [],
            requiredElements: [],
            deadline: NoticeDeadline(
                duration: deadline,
                text: deadline == nil ? "expeditiously" : "48 hours",
                confidence: .known
            ),
            escalation: "",
            languages: ["en"],
            rationale: [],
            parallel: false
        )
    }

    static func plan(url: String, at time: Date) -> NoticePlan {
        NoticePlan(
            url: url,
            kind: .portrait,
            lawCountry: nil,
            lawSource: .none,
            regime: nil,
            rungs: [
                rung(1, .originHost, "Hetzner Online GmbH", deadline: "PT48H"),
                rung(2, .registrar, "Key-Systems GmbH", deadline: nil),
                rung(3, .upstream, "Upstream Transit", deadline: "P7D"),
            ],
            missingFromHolder: [],
            fastLanes: [],
            warnings: [],
            profileResolvedAt: time
        )
    }

    /// Stores a profile and the sample plan for `target`.
    @discardableResult
    static func store(for target: Target, in store: LongarmStore, at time: Date) throws -> LongarmStore.StoredPlan {
        let profile = try store.saveProfile(
            HostingProfile(
                url: target.submittedURL,
                canonicalUrl: target.canonicalURL,
                host: target.host,
                registrableDomain: target.registrableDomain,
                resolvedAt: time
            ),
            targetID: target.id!
        )
        return try store.savePlan(
            plan(url: target.canonicalURL, at: time),
            targetID: target.id!,
            profileID: profile.id,
            createdAt: time
        )
    }
}
