package import Foundation
import LongarmCore

/// Finds files inside Longarm's runtime data folder (`Data/`) for the resolution layer.
///
/// The folder is found by Core's ``DataDirectory`` rule, the one every module uses (`LONGARM_DATA`, then a
/// `Data/` folder holding `SOURCES.md` above the executable, then the installed location); tests may name
/// explicit candidate folders instead.
package struct ResolveDataLocator: Sendable {
    /// Folders searched, in order, each a candidate `Data` folder.
    package let candidates: [URL]
    private let searchProblem: String?

    /// A locator over explicit candidate folders (tests).
    package init(candidates: [URL]) {
        self.candidates = candidates
        searchProblem = nil
    }

    /// The data folder ``DataDirectory/locate(environment:executablePath:)`` finds.
    package init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = Bundle.main.executablePath
    ) {
        do {
            candidates = [try DataDirectory.locate(environment: environment, executablePath: executablePath).url]
            searchProblem = nil
        } catch {
            candidates = []
            searchProblem = error.description
        }
    }

    /// The first candidate that holds `relativePath` (for example `rdap/dns.json`).
    package func locate(_ relativePath: String) throws(ResolveDataError) -> URL {
        for folder in candidates {
            let url = folder.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        let searched = candidates.map(\.path).joined(separator: ", ")
        throw ResolveDataError(
            .notFound,
            file: relativePath,
            detail: searchProblem ?? "not found in the data folder (\(searched))"
        )
    }
}
