import CMaxMindDB
public import Foundation
public import LongarmCore

/// An MMDB geolocation database (MaxMind GeoLite2/GeoIP2, DB-IP, IPinfo; country or city), read through
/// libmaxminddb.
///
/// The file is memory-mapped once and never changes afterwards, so lookups from any number of tasks at once
/// are safe (libmaxminddb's lookups only read the map).
///
/// A geolocation database says where an address is *announced or registered for use*, not where a site's
/// content lives: an anycast CDN address (Cloudflare, Fastly, Akamai …) geolocates to an arbitrary country
/// (DB-IP puts Cloudflare's 104.21.0.0/16 in CA), and never to the origin server's. The resolver marks such
/// addresses; treat their country as the CDN edge's only.
public final class GeoIPDatabase: Sendable {
    /// The file this database was opened from.
    public let path: String
    /// The database type from the metadata, e.g. `GeoLite2-Country` or `DBIP-Country-Lite`.
    public let databaseType: String
    /// When the database was built, from the metadata.
    public let buildDate: Date
    // Written only by `init`, freed only by `deinit`; libmaxminddb lookups only read it.
    nonisolated(unsafe) private let handle: UnsafeMutablePointer<MMDB_s>

    /// Opens the MMDB file at `path`; the error names the file and says whether it is missing or corrupt.
    public init(path: String) throws(ResolveDataError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ResolveDataError(.notFound, file: path, detail: "geolocation database does not exist")
        }
        let handle = UnsafeMutablePointer<MMDB_s>.allocate(capacity: 1)
        let status = MMDB_open(path, UInt32(MMDB_MODE_MMAP), handle)
        guard status == MMDB_SUCCESS else {
            handle.deallocate()
            let reason = String(cString: MMDB_strerror(status))
            throw ResolveDataError(.malformed, file: path, detail: "not a readable MMDB database (\(reason))")
        }
        self.handle = handle
        self.path = path
        databaseType = handle.pointee.metadata.database_type.map { String(cString: $0) } ?? "unknown"
        buildDate = Date(timeIntervalSince1970: TimeInterval(handle.pointee.metadata.build_epoch))
    }

    deinit {
        MMDB_close(handle)
        handle.deallocate()
    }

    /// The country of `address`: `country.iso_code`, else `registered_country.iso_code`; `nil` when the
    /// database has no entry (or no valid code) for it.
    public func country(for address: IPAddress) -> CountryCode? {
        let address = address.unmappedV4 ?? address
        var gaiError: Int32 = 0
        var mmdbError: Int32 = 0
        var result = MMDB_lookup_string(handle, address.description, &gaiError, &mmdbError)
        guard gaiError == 0, mmdbError == MMDB_SUCCESS, result.found_entry else { return nil }
        for key in ["country", "registered_country"] {
            if let code = Self.string(in: &result.entry, path: [key, "iso_code"]),
                let country = CountryCode(lenient: code)
            {
                return country
            }
        }
        return nil
    }

    /// The geolocation fact for `address`, naming this file as its source.
    public func geoFacts(for address: IPAddress) -> GeoFacts {
        GeoFacts(country: country(for: address), source: FactSource(.mmdb, server: path))
    }

    private static func string(in entry: inout MMDB_entry_s, path: [String]) -> String? {
        let cStrings = path.map { strdup($0) }
        defer { for pointer in cStrings { free(pointer) } }
        var pointers: [UnsafePointer<CChar>?] = cStrings.map { UnsafePointer($0) } + [nil]
        var data = MMDB_entry_data_s()
        let status = pointers.withUnsafeMutableBufferPointer { MMDB_aget_value(&entry, &data, $0.baseAddress) }
        guard status == MMDB_SUCCESS, data.has_data, data.type == UInt32(MMDB_DATA_TYPE_UTF8_STRING),
            let bytes = data.utf8_string
        else { return nil }
        let buffer = UnsafeBufferPointer(
            start: UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self),
            count: Int(data.data_size)
        )
        return String(decoding: buffer, as: UTF8.self)
    }
}
