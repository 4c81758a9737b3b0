import Foundation
import LongarmCore

/// Gathers the problems of one file while it is converted, so that every problem is reported, not the first.
struct IssueCollector {
    let file: String
    private(set) var issues: [RulesIssue] = []

    init(file: String) {
        self.file = file
    }

    mutating func add(_ path: String, _ problem: String) {
        issues.append(RulesIssue(file: file, path: path, problem: problem))
    }

    /// Reports a missing field as `path: lacks "field"` and returns `nil`, or returns the value.
    mutating func require<T>(_ value: T?, _ field: String, at path: String) -> T? {
        guard let value else {
            add(path, "lacks \"\(field)\"")
            return nil
        }
        if let text = value as? String, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add(path, "lacks \"\(field)\"")
            return nil
        }
        if let list = value as? [Any], list.isEmpty {
            add(path, "lacks \"\(field)\"")
            return nil
        }
        return value
    }

    mutating func confidence(_ text: String?, at path: String, field: String = "confidence") -> Confidence? {
        guard let text = require(text, field, at: path) else { return nil }
        guard let value = Confidence(rawValue: text) else {
            add(join(path, field), "unknown confidence \"\(text)\" (expected verified, known or uncertain)")
            return nil
        }
        return value
    }

    mutating func language(_ tag: String, at path: String) -> Bool {
        guard LanguageTag.isValid(tag) else {
            add(path, "\"\(tag)\" is not a BCP 47 language tag")
            return false
        }
        return true
    }

    mutating func country(_ text: String, at path: String) -> CountryCode? {
        guard let code = CountryCode(lenient: text), code.rawValue == text else {
            add(path, "unknown country code \"\(text)\"")
            return nil
        }
        return code
    }

    mutating func sources(_ raw: [RawSource]?, at path: String) -> [SourceReference] {
        guard let raw = require(raw, "sources", at: path) else { return [] }
        var result: [SourceReference] = []
        for (index, source) in raw.enumerated() {
            let here = "\(join(path, "sources"))[\(index)]"
            guard let title = require(source.title, "title", at: here) else { continue }
            result.append(SourceReference(title: title, url: source.url))
        }
        return result
    }

    /// Converts citations; each needs an instrument and an article.
    mutating func bases(_ raw: [RawBasis], at path: String, origin: String?) -> [LegalBasis] {
        var result: [LegalBasis] = []
        var seen = Set<String>()
        for (index, basis) in raw.enumerated() {
            let here = "\(path)[\(index)]"
            let instrument = require(basis.instrument, "instrument", at: here)
            let article = require(basis.article, "article", at: here)
            let confidence = basis.confidence.map { self.confidence($0, at: here) } ?? .known
            guard let instrument, let article, let confidence else { continue }
            let value = LegalBasis(
                instrument: instrument,
                article: article,
                note: basis.note,
                confidence: confidence,
                origin: origin
            )
            if !seen.insert(value.citation).inserted {
                add(here, "duplicate citation \"\(value.citation)\"")
            }
            result.append(value)
        }
        return result
    }

    mutating func deadline(_ raw: RawDeadline, at path: String) -> NoticeDeadline? {
        let text = require(raw.text, "text", at: path)
        let confidence = confidence(raw.confidence, at: path)
        if let duration = raw.duration, !ISODuration.isValid(duration) {
            add(join(path, "duration"), "\"\(duration)\" is not an ISO 8601 duration")
        }
        guard let text, let confidence else { return nil }
        return NoticeDeadline(duration: raw.duration, text: text, confidence: confidence)
    }

    func join(_ path: String, _ field: String) -> String {
        path.isEmpty ? field : "\(path).\(field)"
    }
}

/// Shape checks for BCP 47 tags and ISO 8601 durations, without a full grammar.
enum LanguageTag {
    static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}

enum ISODuration {
    /// Accepts `P…` with optional date parts (Y, M, W, D) and an optional `T` part (H, M, S).
    static func isValid(_ text: String) -> Bool {
        guard text.hasPrefix("P"), text.count > 1 else { return false }
        var sawDigit = false
        var sawUnit = false
        var inTime = false
        for character in text.dropFirst() {
            if character.isASCII, character.isNumber {
                sawDigit = true
            } else if character == "T" {
                if inTime || sawDigit { return false }
                inTime = true
            } else if (inTime ? "HMS" : "YMWD").contains(character) {
                if !sawDigit { return false }
                sawDigit = false
                sawUnit = true
            } else {
                return false
            }
        }
        return sawUnit && !sawDigit
    }
}
