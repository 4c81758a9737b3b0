package import Foundation

/// Finds Longarm's runtime data folder (`Data/`) and files inside it.
///
/// The order: the `LONGARM_DATA` environment variable (a `Data` folder), then a `Data/` folder in the
/// executable's folder or any folder above it, then the same walk up from the current directory. The first
/// folder that holds the asked-for file wins, so a source checkout, an installed copy next to the binary and
/// a test run from the package root all work without configuration.
package struct ResolveDataLocator: Sendable {
    /// Folders searched, in order, each a candidate `Data` folder.
    package let candidates: [URL]

    /// A locator over explicit candidate folders (tests).
    package init(candidates: [URL]) {
        self.candidates = candidates
    }

    /// The default search order, from the environment, the executable and the current directory.
    package init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        var folders: [URL] = []
        if let explicit = environment["LONGARM_DATA"], !explicit.isEmpty {
            folders.append(URL(fileURLWithPath: explicit, isDirectory: true))
        }
        for start in [executable?.deletingLastPathComponent(), currentDirectory].compactMap(\.self) {
            var folder = start.standardizedFileURL
            while true {
                folders.append(folder.appendingPathComponent("Data", isDirectory: true))
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        candidates = folders
    }

    /// The first candidate that holds `relativePath` (for example `rdap/dns.json`).
    package func locate(_ relativePath: String) throws(ResolveDataError) -> URL {
        for folder in candidates {
            let url = folder.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        throw ResolveDataError(
            .notFound,
            file: relativePath,
            detail: "not found in LONGARM_DATA or any Data/ folder above the executable or the current directory"
        )
    }
}
