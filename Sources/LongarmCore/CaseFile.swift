public import Foundation

/// A rights holder's matter: who is harmed, how, and the facts every letter will repeat.
///
/// Named `CaseFile` because `case` is a Swift keyword.
public struct CaseFile: Sendable, Codable, Hashable, Identifiable {
    /// The store's identifier; `nil` until stored.
    public var id: Int64?
    /// The rights holder: the person or company harmed.
    public var holder: String
    /// The kind of infringement.
    public var kind: InfringementKind
    /// The holder's country (ISO 3166-1 alpha-2), which decides the language of the cover summary.
    public var holderCountry: CountryCode?
    /// A short title for lists.
    public var title: String?
    /// What was infringed: the work, the person portrayed, the mark.
    public var work: String?
    /// When the case was created.
    public var createdAt: Date
    /// Who signs the letters and what the holder can supply (sender, signature, proofs).
    public var particulars: LetterParticulars

    /// Creates a case; `createdAt` defaults to now.
    public init(
        id: Int64? = nil,
        holder: String,
        kind: InfringementKind,
        holderCountry: CountryCode? = nil,
        title: String? = nil,
        work: String? = nil,
        createdAt: Date = Date(),
        particulars: LetterParticulars = LetterParticulars()
    ) {
        self.id = id
        self.holder = holder
        self.kind = kind
        self.holderCountry = holderCountry
        self.title = title
        self.work = work
        self.createdAt = createdAt
        self.particulars = particulars
    }
}
