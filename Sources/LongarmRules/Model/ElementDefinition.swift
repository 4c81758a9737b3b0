public import LongarmCore

/// One entry of the notice-element vocabulary (`Data/jurisdictions/elements.yaml`).
public struct ElementDefinition: Sendable, Codable, Hashable {
    /// When the holder must be asked for the element before a letter can go out.
    public enum AskHolder: String, Sendable, Codable, Hashable, CaseIterable {
        /// The case and the letter template satisfy it.
        case never
        /// The holder must always supply it.
        case always
        /// The holder must supply it when not resident in the rule's jurisdiction.
        case nonResident = "non-resident"
    }

    /// The element's id.
    public var id: NoticeElement
    /// What the element is, for a person.
    public var description: String
    /// The case, target, evidence or letter field that satisfies it (for example `case.work`).
    public var satisfiedBy: String
    /// When the holder must be asked for it.
    public var askHolder: AskHolder
    /// What to tell the holder when it is missing.
    public var holderNote: String?
}
