public import Foundation

/// Finds the data folder (holding `jurisdictions/` and `providers/`) when none is given.
public enum RulesDataLocator {
    /// The environment variable that names the data folder.
    public static let environmentKey = "LONGARM_DATA"

    /// `LONGARM_DATA`, else the first `Data/` folder with a `jurisdictions/` inside, searched upward from the
    /// executable's folder and then from the working directory.
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath(),
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> URL? {
        if let path = environment[environmentKey], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        for start in [executable.deletingLastPathComponent(), workingDirectory] {
            var folder = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = folder.appendingPathComponent("Data")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("jurisdictions").path) {
                    return candidate
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
