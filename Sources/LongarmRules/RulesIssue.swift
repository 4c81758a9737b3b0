public import Foundation

/// One problem found in the rules or provider data: the file, the path inside it, and what is wrong.
public struct RulesIssue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file, relative to the data folder (`jurisdictions/JP.yaml`).
    public var file: String
    /// The path inside the file (`kinds.copyright.legalBasis[0]`); empty for the whole file.
    public var path: String
    /// The problem, as a short sentence.
    public var problem: String

    /// Creates an issue.
    public init(file: String, path: String, problem: String) {
        self.file = file
        self.path = path
        self.problem = problem
    }

    /// `file: path: problem`, the one-line form `longarm rules check` prints.
    public var description: String {
        path.isEmpty ? "\(file): \(problem)" : "\(file): \(path): \(problem)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.path, lhs.problem) < (rhs.file, rhs.path, rhs.problem)
    }
}

/// An error from loading the rules data.
public struct RulesError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        /// The data folder could not be found or read.
        public static let missingData = Code(name: "missingData")
        /// One or more files break the schema; `issues` lists each problem.
        public static let invalidData = Code(name: "invalidData")
        public var description: String { name }
    }

    /// What went wrong.
    public var code: Code
    /// The problems found, one per line of `description`.
    public var issues: [RulesIssue]
    /// A sentence for `missingData`.
    public var detail: String

    /// Creates an error.
    public init(_ code: Code, issues: [RulesIssue] = [], detail: String = "") {
        self.code = code
        self.issues = issues
        self.detail = detail
    }

    public var description: String {
        if issues.isEmpty { return detail }
        return issues.map(\.description).joined(separator: "\n")
    }

    public var errorDescription: String? { description }
}
