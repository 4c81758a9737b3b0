import Foundation

/// Recognises answers that carry no record: "no match" and rate-limit refusals.
enum WHOISAnswerKind {
    /// Line openings (after `%`, `#`, `>` and spaces) that say the object does not exist.
    static let notFoundOpenings = [
        "no match", "not found", "no entries found", "no data found", "the queried object does not exist",
        "no matching record", "status: free", "status: available", "no found", "domain not found",
        "object does not exist", "the domain has not been registered", "this domain name has not been registered",
        "the requested domain was not found", "no object found", "nothing found", "no such domain",
        "error:101: no entries found", "this query returned 0 objects", "domain name not known",
        "above domain name is not registered", "no information available", "domain status: no object found",
        "the domain is not registered",
    ]

    /// Line endings that say the object does not exist (`example.nl is free`).
    static let notFoundEndings = [" is free", " is available", " is available for registration", " is not registered"]

    /// Phrases of rate-limit refusals.
    static let throttlePhrases = [
        "query rate limit exceeded", "whois limit exceeded", "number of allowed queries exceeded", "limit exceeded",
        "rate limit", "too many requests", "quota exceeded", "has been exceeded", "exceeded the maximum",
        "access control limit reached", "query limit", "you have exceeded", "temporarily blocked", "queries exceeded",
        "excessive querying", "maximum number of queries", "request limit", "try again later",
    ]

    static func isNotFound(_ text: WHOISText, hasContent: Bool) -> Bool {
        for line in text.lines {
            let stripped = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "%#>* \t"))
            if stripped.isEmpty { continue }
            if notFoundOpenings.contains(where: { stripped.hasPrefix($0) }) { return true }
            let sentence = stripped.trimmingCharacters(in: CharacterSet(charactersIn: ".!"))
            if notFoundEndings.contains(where: { sentence.hasSuffix($0) }) { return true }
        }
        return false
    }

    static func isThrottled(_ text: WHOISText) -> Bool {
        throttlePhrases.contains { text.folded.contains($0) }
    }
}
