public import LongarmCore

extension CDNDetector {
    /// What a CDN match means for the origin: hidden behind a `cdn` or `waf`, and the channel that reveals
    /// it (marked "unconfirmed" where the provider's behaviour is not documented). No match, or a match of a
    /// `frontend` or `cloud`, leaves the origin visible.
    public func origin(for match: CDNMatch?) -> OriginFacts {
        guard let match, let provider = provider(named: match.name), provider.hidesOrigin else { return OriginFacts() }
        let channel = provider.revealedBy.map { text in
            provider.revealedByUncertain == false ? text : "\(text) (unconfirmed)"
        }
        return OriginFacts(hidden: true, revealedBy: channel)
    }
}
