import Foundation
import LongarmCore

/// The shipped Public Suffix List, or a one-line error.
enum PublicSuffixListLoader {
    static func shipped() throws -> PublicSuffixList {
        do {
            return try PublicSuffixList.shipped(in: try DataDirectory.locate())
        } catch {
            throw CLIError(.failure, "cannot load the Public Suffix List: \(error.localizedDescription)")
        }
    }
}
