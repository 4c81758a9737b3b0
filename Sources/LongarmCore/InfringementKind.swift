import Foundation

/// The kind of harm a case is about; it selects the rules that apply in each jurisdiction.
public enum InfringementKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Copying or making available a protected work (piracy).
    case copyright
    /// Use of a person's likeness, including AI face swaps and other deepfakes.
    case portrait
    /// Defamation, including fabricated statements and clips.
    case reputation
    /// Disclosure of private facts or personal data.
    case privacy
    /// Use of a mark without the owner's consent.
    case trademark

    /// Parses a user-supplied kind, naming the accepted values when it is unknown.
    public init(parsing text: String) throws(IntakeError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let kind = InfringementKind(rawValue: trimmed) else {
            throw IntakeError(.unknownKind, input: text)
        }
        self = kind
    }
}
