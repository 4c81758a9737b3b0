import LongarmCore

extension RungBuilder {
    /// Appends a rung; rungs about the content cite the content's law, the others their role's defaults, with the
    /// role's note as their rationale.
    mutating func add(
        _ role: NoticeRung.Role,
        party: NoticeParty,
        channel: NoticeChannel,
        country: CountryCode?,
        parallel: Bool = false,
        rationale: [String] = []
    ) {
        let rungTerms = terms.content(role) ?? table.terms(role: role)
        rungs.append(
            Self.rung(
                step: rungs.count + 1,
                role: role,
                party: party,
                channel: channel,
                country: country,
                terms: rungTerms,
                languages: rungTerms.languages ?? table.letterLanguages(country),
                rationale: rationale,
                parallel: parallel
            )
        )
    }

    /// A rung from its party, the rules' terms and the sentences particular to it.
    static func rung(
        step: Int,
        role: NoticeRung.Role,
        party: NoticeParty,
        channel: NoticeChannel,
        country: CountryCode?,
        terms: RungTerms,
        languages: [String],
        rationale: [String],
        parallel: Bool
    ) -> NoticeRung {
        // Without sentences of its own the rung keeps the terms' stored array rather than a copy of it.
        var notes = rationale.isEmpty ? terms.notes : rationale + terms.notes
        if channel.confidence == .uncertain, channel.kind != .unknown {
            notes.append("the channel is marked uncertain in the provider registry: confirm the address before sending")
        }
        return NoticeRung(
            step: step,
            role: role,
            party: party,
            channel: channel,
            country: country,
            regime: terms.regime,
            legalBasis: terms.legalBasis,
            requiredElements: terms.requiredElements,
            deadline: terms.deadline,
            escalation: terms.escalation,
            languages: languages,
            rationale: notes,
            parallel: parallel
        )
    }

    /// The party of a rung addressed to a provider from the registry.
    static func party(_ entry: ProviderIndex.Entry, matchedBy: String, abuseEmail: String? = nil) -> NoticeParty {
        NoticeParty(
            name: entry.provider.name,
            providerID: entry.provider.id,
            identifiedBy: "provider registry (\(matchedBy))",
            abuseEmail: abuseEmail
        )
    }

    func rawChannel(_ email: String?) -> NoticeChannel {
        guard let email else { return NoticeChannel(kind: .unknown, address: nil, confidence: .uncertain) }
        return NoticeChannel(
            kind: .email,
            address: email,
            notes: ["abuse address published in RDAP/WHOIS"],
            confidence: .known
        )
    }
}
