public import Foundation

/// The folder of Longarm's runtime data (`psl/`, `rdap/`, `geo/`, …), found the same way by every module.
///
/// Search order, first match wins:
/// 1. the environment variable `LONGARM_DATA` (used as given; an error if it is not a folder);
/// 2. a folder `Data` holding `SOURCES.md` in the executable's folder or any folder above it — this finds the
///    repository's `Data/` from `.build/<config>/longarm` and from the test bundle;
/// 3. `/usr/local/share/longarm`, where an installation puts it.
public struct DataDirectory: Sendable, Hashable {
    /// The folder itself.
    public let url: URL

    /// Uses `url` as the data folder without checking it.
    public init(url: URL) {
        self.url = url
    }

    /// The file or folder at `relativePath` inside the data folder (e.g. `psl/public_suffix_list.dat`).
    public func file(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }

    /// The installed location, searched last.
    public static let installedPath = "/usr/local/share/longarm"

    /// Finds the data folder; `executablePath` defaults to the running program's.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = Bundle.main.executablePath
    ) throws(DataDirectoryError) -> DataDirectory {
        let fileManager = FileManager.default
        if let configured = environment["LONGARM_DATA"], !configured.isEmpty {
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: configured, isDirectory: &isFolder), isFolder.boolValue else {
                throw DataDirectoryError(description: "LONGARM_DATA=\(configured): no such folder")
            }
            return DataDirectory(url: URL(fileURLWithPath: configured, isDirectory: true))
        }
        var searched: [String] = []
        if let executablePath {
            var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            while true {
                let candidate = folder.appendingPathComponent("Data", isDirectory: true)
                if fileManager.fileExists(atPath: candidate.appendingPathComponent("SOURCES.md").path) {
                    return DataDirectory(url: candidate)
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
            searched.append("Data/ above \(executablePath)")
        }
        if fileManager.fileExists(atPath: installedPath) {
            return DataDirectory(url: URL(fileURLWithPath: installedPath, isDirectory: true))
        }
        searched.append(installedPath)
        throw DataDirectoryError(
            description: "no data folder found (looked in \(searched.joined(separator: ", "))); set LONGARM_DATA"
        )
    }
}
