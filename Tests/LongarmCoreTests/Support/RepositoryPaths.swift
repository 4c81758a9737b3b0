import Foundation

/// Folders of the repository, found from this source file's path.
enum RepositoryPaths {
    /// The repository root (three levels above `Tests/LongarmCoreTests/Support/`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped `Data/` folder.
    static let data = root.appendingPathComponent("Data")
}
