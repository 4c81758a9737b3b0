import LongarmCore

/// The part of a rung that comes from the rules table and the provider registry rather than from the target
/// (the law, and the channel of a known provider), as plan format 4 stored it once in `plan_fragment` and
/// named it by digest. Format 5 (``RungFrame``) replaced it; rows of format 4 still read.
struct RungFragment: Sendable, Codable, Hashable {
    var channel: NoticeChannel
    var deadline: NoticeDeadline?
    var escalation: String
    var languages: [String]
    var legalBasis: [LegalBasis]
    var regime: String?
    var requiredElements: [NoticeElement]

    init(_ rung: NoticeRung) {
        channel = rung.channel
        deadline = rung.deadline
        escalation = rung.escalation
        languages = rung.languages
        legalBasis = rung.legalBasis
        regime = rung.regime
        requiredElements = rung.requiredElements
    }
}

/// The plan-wide part of plan format 4 that comes from the rules table: the fast lanes and what the holder must
/// supply. Format 5 (``PlanFrame``) replaced it; rows of format 4 still read.
struct PlanFragment: Sendable, Codable, Hashable {
    var fastLanes: [String]
    var missingFromHolder: [HolderRequirement]

    init(_ plan: NoticePlan) {
        fastLanes = plan.fastLanes
        missingFromHolder = plan.missingFromHolder
    }
}
