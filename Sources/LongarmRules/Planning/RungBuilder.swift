import LongarmCore

/// Builds the rungs of one plan in ladder order. The profile is handed to each step rather than kept: a stored
/// copy of it cost a retain and a release of every string and list it holds, per plan.
struct RungBuilder {
    let index: ProviderIndex
    let table: PlanningTable
    let context: PlanningContext
    let law: GoverningLaw
    /// The rules' part of the plan, shared by every plan under the same law.
    let terms: PlanTerms
    var rungs: [NoticeRung] = []

    init(
        index: ProviderIndex,
        table: PlanningTable,
        context: PlanningContext,
        law: GoverningLaw,
        terms: PlanTerms
    ) {
        self.index = index
        self.table = table
        self.context = context
        self.law = law
        self.terms = terms
        // Six parties at most, then the search engines: one allocation for the whole ladder.
        rungs.reserveCapacity(6 + index.searchEngines.count)
    }

    // MARK: Rungs

    mutating func addSiteOperator(_ profile: HostingProfile) {
        let domain = profile.registrableDomain ?? profile.host
        let registrant = profile.domain?.registrant
        if let platform = index.entry(domain: domain) {
            add(
                .siteOperator,
                party: Self.party(platform, matchedBy: "domain \(domain)"),
                channel: platform.channel(for: context.kind),
                country: platform.provider.country ?? law.country,
                rationale: ["\(platform.provider.name) operates \(domain) and is the first addressee"]
            )
            return
        }
        let name = registrant?.organization.map { "\($0) (operator of \(domain))" } ?? "the operator of \(domain)"
        var rationale = [
            "the operator can remove the content fastest; look for a contact, abuse or legal page on the site"
        ]
        if registrant?.redacted == true {
            rationale.append("the registrant's data is redacted, so the operator is known only through the site itself")
        }
        add(
            .siteOperator,
            party: NoticeParty(name: name, identifiedBy: profile.domain.map { "\($0.source)" } ?? "the URL's domain"),
            channel: NoticeChannel(kind: .unknown, address: nil, confidence: .uncertain),
            country: registrant?.country ?? law.country,
            rationale: rationale
        )
    }

    mutating func addOriginHost(_ profile: HostingProfile) {
        if profile.origin.hidden {
            let via = profile.origin.revealedBy ?? "the CDN's abuse process"
            add(
                .originHost,
                party: NoticeParty(name: "the origin host (hidden behind the CDN)", identifiedBy: "not yet known"),
                channel: NoticeChannel(kind: .unknown, address: nil, confidence: .uncertain),
                country: law.source == .originHost ? law.country : nil,
                rationale: ["the CDN hides the origin host; learn it through \(via), then notify it here"]
            )
            return
        }
        guard let address = profile.addresses.first(where: { $0.cdn == nil && ($0.asn != nil || $0.network != nil) })
        else { return }
        let network = address.network
        let matched =
            address.asn.flatMap { index.entry(asn: $0) }
            ?? (network?.organization ?? address.asName).flatMap { index.entry(organization: $0) }
        let country = network?.country ?? address.geo?.country ?? profile.countries.hosting.first
        var rationale = ["the host stores the content at \(address.ip); most notice regimes address hosts"]
        if let matched {
            let how = address.asn.map { "AS\($0)" } ?? "its RDAP organisation"
            add(
                .originHost,
                party: Self.party(matched, matchedBy: how, abuseEmail: network?.abuseEmail),
                channel: matched.channel(for: context.kind),
                country: country ?? matched.provider.country,
                rationale: rationale
            )
            return
        }
        let name = network?.organization ?? address.asName ?? "the network holding \(address.ip)"
        let source = network?.source.map { "\($0)" } ?? address.asnSource.map { "\($0)" } ?? "resolution"
        rationale.append("the host is not in the provider registry; its channel comes from resolution only")
        add(
            .originHost,
            party: NoticeParty(name: name, identifiedBy: source, abuseEmail: network?.abuseEmail),
            channel: rawChannel(network?.abuseEmail),
            country: country,
            rationale: rationale
        )
    }

    mutating func addCDN(_ profile: HostingProfile) {
        let name = profile.cdn?.name ?? profile.addresses.first(where: { $0.cdn != nil })?.cdn
        let index = index
        let byName = name.flatMap { index.entry(name: $0) }
        // The CNAME suffixes are searched only when the name alone does not find the CDN.
        guard let matched = byName ?? profile.dns.cname.lazy.compactMap({ index.entry(cname: $0) }).first else {
            guard let name else { return }
            add(
                .cdn,
                party: NoticeParty(name: name, identifiedBy: profile.cdn.map { "\($0.source)" } ?? "address ranges"),
                channel: NoticeChannel(kind: .unknown, address: nil, confidence: .uncertain),
                country: profile.countries.cdn,
                parallel: profile.origin.hidden,
                rationale: ["\(name) fronts the site but is not in the provider registry"]
            )
            return
        }
        var rationale = [
            "the CDN's country decides only how to reach it; the law cited stays that of the content's host"
        ]
        if profile.origin.hidden {
            rationale.insert("send at once, in parallel: the CDN forwards the notice to the hidden origin host", at: 0)
        }
        add(
            .cdn,
            party: Self.party(matched, matchedBy: profile.cdn.map { "\($0.source): \($0.evidence)" } ?? "CNAME"),
            channel: matched.channel(for: context.kind),
            country: matched.provider.country ?? profile.countries.cdn,
            parallel: profile.origin.hidden,
            rationale: rationale
        )
    }

    mutating func addRegistrar(_ profile: HostingProfile) {
        guard let registrar = profile.domain?.registrar else { return }
        let matched =
            registrar.ianaId.flatMap { index.entry(ianaID: $0) }
            ?? registrar.name.flatMap { index.entry(organization: $0) }
        if let matched {
            let how = registrar.ianaId.map { "IANA registrar id \($0)" } ?? "registrar name"
            add(
                .registrar,
                party: Self.party(matched, matchedBy: how, abuseEmail: registrar.abuseEmail),
                channel: matched.channel(for: context.kind),
                country: registrar.country ?? matched.provider.country
            )
        } else {
            add(
                .registrar,
                party: NoticeParty(
                    name: registrar.name ?? "the registrar of \(profile.registrableDomain ?? profile.host)",
                    identifiedBy: profile.domain.map { "\($0.source)" } ?? "resolution",
                    abuseEmail: registrar.abuseEmail
                ),
                channel: rawChannel(registrar.abuseEmail),
                country: registrar.country
            )
        }
    }

    mutating func addRegistry(_ profile: HostingProfile) {
        guard let domain = profile.registrableDomain, let tld = Self.topLevelDomain(domain) else { return }
        add(
            .registry,
            party: NoticeParty(name: "the registry of .\(tld)", identifiedBy: "the domain's top-level domain"),
            channel: NoticeChannel(kind: .unknown, address: nil, confidence: .uncertain),
            country: nil
        )
    }

    mutating func addUpstream(_ profile: HostingProfile) {
        guard !profile.origin.hidden,
            let address = profile.addresses.first(where: { $0.cdn == nil && $0.asn != nil }), let asn = address.asn
        else { return }
        let name =
            address.asName.map { "transit providers upstream of AS\(asn) (\($0))" }
            ?? "transit providers upstream of AS\(asn)"
        add(
            .upstream,
            party: NoticeParty(name: name, identifiedBy: address.asnSource.map { "\($0)" } ?? "the origin's ASN"),
            channel: NoticeChannel(kind: .unknown, address: nil, confidence: .uncertain),
            country: nil
        )
    }

    mutating func addSearchEngines() {
        for var rung in table.searchEngineRungs(kind: context.kind) {
            rung.step = rungs.count + 1
            rungs.append(rung)
        }
    }

    /// The last non-empty label of `domain` (`com` for `example.com.`), found without splitting the whole name.
    static func topLevelDomain(_ domain: String) -> Substring? {
        let bytes = domain.utf8
        guard let last = bytes.lastIndex(where: { $0 != UInt8(ascii: ".") }) else { return nil }
        let end = bytes.index(after: last)
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: ".")).map { bytes.index(after: $0) } ?? bytes.startIndex
        return domain[start..<end]
    }
}
