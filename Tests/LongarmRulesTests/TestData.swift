import Foundation
import LongarmRules

/// Locations of the shipped data and the test fixtures, and a shared loaded rule book.
enum TestData {
    /// The repository's `Data/` folder.
    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    /// `Fixtures/` as copied into the test bundle.
    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    /// The shipped rule book, loaded once.
    static let book: RuleBook = {
        do {
            return try RuleBook.load(from: shipped)
        } catch {
            fatalError("shipped rules data is invalid:\n\(error)")
        }
    }()

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies every file under `source` into `destination`, replacing files that exist.
    static func overlay(_ source: URL, onto destination: URL) throws {
        let manager = FileManager.default
        guard let walker = manager.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return
        }
        for case let file as URL in walker {
            guard (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count + 1))
            let target = destination.appendingPathComponent(relative)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.copyItem(at: file, to: target)
        }
    }
}
