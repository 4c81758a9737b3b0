public import LongarmCore

extension CDNDetector: CDNLookup {
    public func match(ip: String) -> CDNMatch? {
        IPAddress(ip).flatMap { match(address: $0) }
    }

    public func origin(for match: CDNMatch) -> OriginFacts {
        origin(for: Optional(match))
    }

    public func operatorCountry(cdn: String) -> CountryCode? {
        provider(named: cdn)?.country
    }
}
