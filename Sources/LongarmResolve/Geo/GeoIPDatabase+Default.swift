import Foundation

extension GeoIPDatabase {
    /// The shipped database's path inside `Data/`.
    package static let shippedRelativePath = "geo/dbip-country-lite.mmdb"

    /// Opens the database to use: `--geoip FILE` if given, else `LONGARM_GEOIP`, else the shipped DB-IP Lite
    /// country database in `Data/geo/`.
    ///
    /// A user's file that cannot be opened is an error; it never falls back silently to the shipped data,
    /// so a typo in a path does not pass unnoticed.
    package static func open(
        override: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        locator: ResolveDataLocator = ResolveDataLocator()
    ) throws(ResolveDataError) -> GeoIPDatabase {
        if let override, !override.isEmpty { return try GeoIPDatabase(path: override) }
        if let fromEnvironment = environment["LONGARM_GEOIP"], !fromEnvironment.isEmpty {
            return try GeoIPDatabase(path: fromEnvironment)
        }
        return try GeoIPDatabase(path: try locator.locate(shippedRelativePath).path)
    }
}
