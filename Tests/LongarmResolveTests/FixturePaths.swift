import Foundation

/// Where the test fixtures and the package's shipped `Data/` folder are.
enum FixturePaths {
    /// `Tests/LongarmResolveTests/Fixtures/<relative>` inside the test bundle.
    static func fixture(_ relative: String) throws -> URL {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return root.appendingPathComponent(relative)
    }

    /// The package's `Data/` folder, found from this source file's location.
    static var shippedData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data", isDirectory: true)
    }
}
