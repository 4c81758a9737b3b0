public import Foundation
public import LongarmCore

/// A target with the plan made for it, as the letters step reads it from the store.
public struct PlannedTarget: Sendable, Hashable {
    /// The target.
    public var target: Target
    /// Its newest plan.
    public var plan: NoticePlan
    /// The plan row's id, if stored.
    public var planID: Int64?

    /// Creates a planned target.
    public init(target: Target, plan: NoticePlan, planID: Int64? = nil) {
        self.target = target
        self.plan = plan
        self.planID = planID
    }
}

/// How to render a batch of letters.
public struct LetterOptions: Sendable, Hashable {
    /// The formats to write.
    public var formats: [LetterFormat]
    /// A language to force (BCP 47), or `nil` to follow the rules.
    public var language: String?
    /// Render despite missing data, with visible placeholders.
    public var draft: Bool
    /// The date printed on the letters and in `.eml` headers.
    public var date: Date
    /// The tool version printed in the footer.
    public var version: String

    /// Creates options.
    public init(
        formats: [LetterFormat] = LetterFormat.allCases,
        language: String? = nil,
        draft: Bool = false,
        date: Date = Date(),
        version: String = "0.1.0"
    ) {
        self.formats = formats
        self.language = language
        self.draft = draft
        self.date = date
        self.version = version
    }
}

/// One group: the rung of a party that several targets share, rendered as one letter per format.
struct LetterGroup {
    var rung: NoticeRung
    var plan: NoticePlan
    var targets: [PlannedTarget]

    struct Key: Hashable {
        var party: String
        var role: NoticeRung.Role
        var channel: NoticeChannel.Kind
        var address: String?
        var regime: String?
        var bases: [LegalBasis]
        var elements: [NoticeElement]
        var languages: [String]
        var kind: InfringementKind
        var lawCountry: CountryCode?
    }

    /// Groups rungs of all targets by party and law, keeping the order in which parties first appear.
    static func groups(_ targets: [PlannedTarget]) -> [LetterGroup] {
        var order: [Key] = []
        var groups: [Key: LetterGroup] = [:]
        for planned in targets {
            for rung in planned.plan.rungs {
                let key = Key(
                    party: rung.party.name,
                    role: rung.role,
                    channel: rung.channel.kind,
                    address: rung.channel.address,
                    regime: rung.regime,
                    bases: rung.legalBasis,
                    elements: rung.requiredElements,
                    languages: rung.languages,
                    kind: planned.plan.kind,
                    lawCountry: planned.plan.lawCountry
                )
                if groups[key] == nil {
                    order.append(key)
                    groups[key] = LetterGroup(rung: rung, plan: planned.plan, targets: [planned])
                } else if !(groups[key]?.targets.contains(planned) ?? true) {
                    groups[key]?.targets.append(planned)
                }
            }
        }
        return order.compactMap { groups[$0] }
    }
}
