public import LongarmCore

extension GeoIPDatabase: GeoLookup {
    public func geo(ip: String) -> GeoFacts? {
        IPAddress(ip).map { geoFacts(for: $0) }
    }
}
