import Foundation

/// Recognises placeholder text that registries and registrars publish instead of a real contact.
///
/// A value recognised here is reported as redacted and never as a name, an organisation or an address.
public enum RedactionMarker {
    /// Whole values (compared case-insensitively, ignoring punctuation at the ends) that mean "withheld".
    static let exactValues: Set<String> = [
        "redacted", "private", "hidden", "withheld", "not disclosed", "non-public data", "data protected",
        "private person", "privacy", "n/a", "gdpr masked", "data redacted", "redacted for privacy",
        "statutory masking enabled", "contact privacy", "whois privacy", "identity protected",
    ]

    /// Phrases that mark a value as a placeholder or a privacy service wherever they occur in it.
    static let phrases: [String] = [
        "redacted for privacy", "redacted for gdpr", "redacted", "data protected", "not disclosed",
        "statutory masking", "withheld for privacy", "privacy service provided by", "domains by proxy",
        "contact privacy inc", "whois privacy protection", "whoisguard", "privacy protect", "perfect privacy",
        "please query the rdds service", "gdpr masked", "data redacted", "non-public data", "identity protection",
        "whois privacy", "private registration", "proxy protection", "registration private", "privacyguardian",
        "redacted in accordance", "protected by", "super privacy service", "private by design",
    ]

    /// RIR catch-all mailboxes that stand for withheld data, not for someone who acts on reports.
    static let withheldMailboxes: Set<String> = ["removed@lacnic.net"]

    /// True when `text` is a redaction placeholder or names a privacy/proxy service.
    public static func isRedacted(_ text: String) -> Bool {
        let folded = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if folded.isEmpty { return false }
        if exactValues.contains(folded) || withheldMailboxes.contains(folded) { return true }
        return phrases.contains { folded.contains($0) }
    }
}
