import LongarmCore

extension RungBuilder {
    /// Appends a rung; `content` rungs cite the content's law, the others their role's defaults.
    mutating func add(
        _ role: NoticeRung.Role,
        party: NoticeParty,
        channel: NoticeChannel,
        country: CountryCode?,
        content: Bool,
        parallel: Bool = false,
        rationale: [String]
    ) {
        let roleRule = book.roles[role]
        var bases: [LegalBasis] = []
        var elements: [NoticeElement] = []
        var notes = rationale
        if content, let rule = law.rule {
            bases = rule.legalBasis
            elements = rule.elements
            notes.append(lawSentence(rule))
            if let copyright = law.copyrightRule {
                bases += copyright.legalBasis.filter { basis in !bases.contains { $0.citation == basis.citation } }
                elements += copyright.elements.filter { !elements.contains($0) }
                notes.append("the holder owns the source work, so the copyright rule is cited as well")
            }
        } else {
            bases = roleRule?.legalBasis ?? []
            elements = roleRule?.elements ?? []
            if content {
                notes.append("no rule governs this content here; the notice relies on the provider's terms")
            }
        }
        if content, role == .siteOperator || role == .originHost, law.jurisdiction?.euMember != true,
            let eu = book.eu
        {
            bases += eu.extraterritorial.filter { basis in !bases.contains { $0.citation == basis.citation } }
            if !eu.extraterritorial.isEmpty {
                notes.append(
                    "if the service is offered in the EU, the DSA's notice rules apply wherever the provider sits"
                )
            }
        }
        if content, let rule = law.rule, rule.confidence == .uncertain || rule.deadline?.confidence == .uncertain {
            notes.append("parts of this rule are marked uncertain in the rules table: verify before relying on them")
        }
        if channel.confidence == .uncertain, channel.kind != .unknown {
            notes.append("the channel is marked uncertain in the provider registry: confirm the address before sending")
        }
        let rung = NoticeRung(
            step: rungs.count + 1,
            role: role,
            party: party,
            channel: channel,
            country: country,
            regime: content ? (law.rule?.regime.rawValue ?? Regime.termsOfService.rawValue) : nil,
            legalBasis: bases,
            requiredElements: elements,
            deadline: content ? law.rule?.deadline : nil,
            escalation: roleRule?.escalation ?? "escalate when there is no answer",
            languages: languages(content: content, country: country),
            rationale: notes,
            parallel: parallel
        )
        rungs.append(rung)
    }

    private func lawSentence(_ rule: KindRule) -> String {
        let code = law.country?.rawValue ?? "?"
        let why: String
        switch law.source {
        case .originHost: why = "the origin host's country"
        case .registrant: why = "the registrant's country, as no hosting country is known"
        case .registrar: why = "the registrar's country, as nothing better is known"
        case .none: why = "no country"
        }
        return "law of \(code) (chosen by \(why)): \(rule.regime.rawValue), rule confidence \(rule.confidence.rawValue)"
    }

    private func languages(content: Bool, country: CountryCode?) -> [String] {
        var result: [String]
        if content, let rule = law.rule, !rule.languages.isEmpty {
            result = rule.languages
        } else if let country, let jurisdiction = book.jurisdictions[country.rawValue] {
            result = jurisdiction.letter.languages
        } else {
            result = ["en"]
        }
        if !result.contains("en") { result.append("en") }
        return result
    }

    func party(_ provider: Provider, matchedBy: String, abuseEmail: String? = nil) -> NoticeParty {
        NoticeParty(
            name: provider.name,
            providerID: provider.id,
            identifiedBy: "provider registry (\(matchedBy))",
            abuseEmail: abuseEmail
        )
    }

    func channel(of provider: Provider) -> NoticeChannel {
        book.index.channel(of: provider, kind: context.kind)
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
