/// The outcome of `longarm evidence verify`: what was checked and, in order, what did not match.
public struct VerificationReport: Sendable, Codable, Hashable {
    /// What was verified: `case 3` or a bundle path.
    public var subject: String
    /// Number of digests, links and tokens checked.
    public var checked: Int
    /// Every mismatch, in the order found; the first is the first broken link.
    public var problems: [VerificationProblem]

    /// True when nothing failed.
    public var ok: Bool { problems.isEmpty }

    /// The first mismatch, if any.
    public var firstBrokenLink: VerificationProblem? { problems.first }

    /// Creates an empty report.
    public init(subject: String) {
        self.subject = subject
        checked = 0
        problems = []
    }

    mutating func check(_ passed: Bool, _ problem: @autoclosure () -> VerificationProblem) {
        checked += 1
        if !passed { problems.append(problem()) }
    }

    enum CodingKeys: String, CodingKey {
        case subject, checked, problems, ok, firstBrokenLink
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encode(checked, forKey: .checked)
        try container.encode(problems, forKey: .problems)
        try container.encode(ok, forKey: .ok)
        try container.encodeIfPresent(firstBrokenLink, forKey: .firstBrokenLink)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subject = try container.decode(String.self, forKey: .subject)
        checked = try container.decode(Int.self, forKey: .checked)
        problems = try container.decode([VerificationProblem].self, forKey: .problems)
    }
}

/// One thing that did not match: where, what, and the expected and found values.
public struct VerificationProblem: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The file, record or entry: `warc/x.warc record <urn:uuid:…>`, `custody seq 4`, `objects/ab/cd…`.
    public var location: String
    /// What changed, in a sentence.
    public var what: String
    /// The value recorded.
    public var expected: String?
    /// The value found now.
    public var found: String?

    /// Creates a problem.
    public init(_ location: String, _ what: String, expected: String? = nil, found: String? = nil) {
        self.location = location
        self.what = what
        self.expected = expected
        self.found = found
    }

    public var description: String {
        var text = "\(location): \(what)"
        if let expected { text += " (recorded \(expected)" + (found.map { ", found \($0))" } ?? ")") }
        return text
    }
}
