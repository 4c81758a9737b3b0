import Foundation
import Testing

@testable import LongarmCore

@Suite struct DataDirectoryTests {
    @Test func environmentWins() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let located = try DataDirectory.locate(environment: ["LONGARM_DATA": folder], executablePath: nil)
        #expect(located.url.standardizedFileURL.path == URL(fileURLWithPath: folder).standardizedFileURL.path)
    }

    @Test func missingEnvironmentFolderIsAnError() {
        let error = #expect(throws: DataDirectoryError.self) {
            try DataDirectory.locate(environment: ["LONGARM_DATA": "/nonexistent/longarm-data"], executablePath: nil)
        }
        #expect(error?.description.contains("/nonexistent/longarm-data") == true)
    }

    @Test func findsDataFolderAboveTheExecutable() throws {
        let executable = RepositoryPaths.root.appendingPathComponent(".build/debug/longarm").path
        let located = try DataDirectory.locate(environment: [:], executablePath: executable)
        #expect(located.url.standardizedFileURL.path == RepositoryPaths.data.standardizedFileURL.path)
        #expect(FileManager.default.fileExists(atPath: located.file("psl/public_suffix_list.dat").path))
    }

    @Test func shippedListLoads() throws {
        let list = try PublicSuffixList.shipped(in: DataDirectory(url: RepositoryPaths.data))
        #expect(list.registrableDomain(of: "a.b.example.co.jp") == "example.co.jp")
    }
}
