import Foundation

extension RDAPBootstrap {
    /// Opens the bootstrap to use: `--rdap-bootstrap DIR` if given, else `LONGARM_RDAP_BOOTSTRAP`, else the
    /// shipped snapshot in `Data/rdap/`.
    ///
    /// A user's folder without its own `overrides.json` still gets the shipped overrides (when they can be
    /// found), so a plain copy of IANA's files keeps the TLDs IANA does not list. A user's folder that cannot
    /// be read is an error, never a silent fall-back to the shipped data.
    package static func open(
        override: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        locator: ResolveDataLocator = ResolveDataLocator()
    ) throws(ResolveDataError) -> RDAPBootstrap {
        let chosen = [override, environment["LONGARM_RDAP_BOOTSTRAP"]].compactMap(\.self).first { !$0.isEmpty }
        guard let chosen else { return try loadShipped(locator: locator) }
        let folder = URL(fileURLWithPath: chosen, isDirectory: true)
        let ownOverrides = folder.appendingPathComponent(overridesFileName)
        if FileManager.default.fileExists(atPath: ownOverrides.path) {
            return try load(directory: folder, overridesFile: ownOverrides)
        }
        let shippedOverrides = try? locator.locate("rdap/\(overridesFileName)")
        return try load(directory: folder, overridesFile: shippedOverrides)
    }
}
