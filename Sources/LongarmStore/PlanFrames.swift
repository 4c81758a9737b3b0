import LongarmCore

/// A rung without what names its target (plan format 5): the law, the channel and the party of a known provider,
/// the role and the sentences that hold for every target on the same rung. Many targets share one frame, so it
/// is stored once in `plan_fragment` under the SHA-256 of its JSON and named from each plan row.
///
/// What the frame leaves out, the row carries: the party or the channel when they name the target, and the
/// rationale sentences that do, in the places the frame marks with `null`.
struct RungFrame: Sendable, Codable, Hashable {
    var channel: NoticeChannel?
    var country: CountryCode?
    var deadline: NoticeDeadline?
    var escalation: String
    var languages: [String]
    var legalBasis: [LegalBasis]
    var parallel: Bool
    var party: NoticeParty?
    var rationale: [String?]
    var regime: String?
    var requiredElements: [NoticeElement]
    var role: NoticeRung.Role
    var step: Int

    /// What a plan row keeps of one rung: the parts that name the target.
    struct Own: Sendable, Hashable {
        var channel: NoticeChannel?
        var party: NoticeParty?
        var rationale: [String] = []
    }

    /// Splits `rung` into its frame and what belongs to the target named by `names` (see ``Shape``).
    static func split(_ rung: NoticeRung, names: TargetNames) -> (frame: RungFrame, own: Own) {
        split(rung, shape: Shape(rung, names: names))
    }

    /// Splits `rung` as `shape` says.
    static func split(_ rung: NoticeRung, shape: Shape) -> (frame: RungFrame, own: Own) {
        var rationale: [String?] = []
        rationale.reserveCapacity(rung.rationale.count)
        for (index, sentence) in rung.rationale.enumerated() {
            rationale.append(shape.ownsSentence(index) ? nil : sentence)
        }
        let frame = RungFrame(
            channel: shape.channelOwn ? nil : rung.channel,
            country: rung.country,
            deadline: rung.deadline,
            escalation: rung.escalation,
            languages: rung.languages,
            legalBasis: rung.legalBasis,
            parallel: rung.parallel,
            party: shape.partyOwn ? nil : rung.party,
            rationale: rationale,
            regime: rung.regime,
            requiredElements: rung.requiredElements,
            role: rung.role,
            step: rung.step
        )
        return (frame, shape.own(of: rung))
    }

    /// Which parts of a rung name its target: the channel, the party, each rationale sentence that contains one of
    /// the target's names. Found without building the frame, so that a frame already met can be recognised by
    /// ``matches(_:shape:)`` without copying the rung's fields.
    struct Shape: Sendable, Hashable {
        var channelOwn: Bool
        var partyOwn: Bool
        /// Bit `i` set when rationale sentence `i` is the target's own. Sentences past the 64th always stay in the
        /// frame: sharing more only stores more frames, never a wrong plan.
        var ownSentences: UInt64

        /// The shape of `rung` for the target named by `names`.
        /// Borrows the rung: an initializer otherwise takes its arguments owned, and the caller copied every field
        /// of the rung to hand it over.
        init(_ rung: borrowing NoticeRung, names: borrowing TargetNames) {
            channelOwn = names.occur(in: rung.channel)
            partyOwn = names.occur(in: rung.party)
            ownSentences = 0
            for (index, sentence) in rung.rationale.prefix(64).enumerated() where names.occur(in: sentence) {
                ownSentences |= 1 << UInt64(index)
            }
        }

        /// True when rationale sentence `index` is the target's own.
        func ownsSentence(_ index: Int) -> Bool {
            index < 64 && ownSentences & (1 << UInt64(index)) != 0
        }

        /// What the row keeps of `rung` under this shape.
        func own(of rung: NoticeRung) -> Own {
            var own = Own()
            if channelOwn { own.channel = rung.channel }
            if partyOwn { own.party = rung.party }
            if ownSentences != 0 {
                for (index, sentence) in rung.rationale.enumerated() where ownsSentence(index) {
                    own.rationale.append(sentence)
                }
            }
            return own
        }
    }

    /// True when this frame is the one ``split(_:names:)`` would make of `rung` with `shape`: every field the
    /// frame holds compared with the rung's, the target's own parts skipped.
    func matches(_ rung: NoticeRung, shape: Shape) -> Bool {
        guard step == rung.step, role == rung.role, country == rung.country, parallel == rung.parallel,
            regime == rung.regime, rationale.count == rung.rationale.count,
            (channel == nil) == shape.channelOwn, (party == nil) == shape.partyOwn
        else { return false }
        if let channel, channel != rung.channel { return false }
        if let party, party != rung.party { return false }
        for (index, sentence) in rationale.enumerated() {
            if shape.ownsSentence(index) != (sentence == nil) { return false }
            if let sentence, sentence != rung.rationale[index] { return false }
        }
        return escalation == rung.escalation && deadline == rung.deadline && languages == rung.languages
            && requiredElements == rung.requiredElements && legalBasis == rung.legalBasis
    }

    /// The rung again: the frame with the row's own parts put back in their places.
    func rung(with own: Own) throws(StoreError) -> NoticeRung {
        guard (party == nil) != (own.party == nil), (channel == nil) != (own.channel == nil),
            let party = party ?? own.party, let channel = channel ?? own.channel
        else {
            throw StoreError.inconsistent("plan rung \(step) needs its party and its channel once, in its frame or row")
        }
        var sentences = own.rationale.makeIterator()
        var rationale: [String] = []
        rationale.reserveCapacity(self.rationale.count)
        for sentence in self.rationale {
            guard let text = sentence ?? sentences.next() else {
                throw StoreError.inconsistent("plan rung \(step) lacks a rationale sentence its frame expects")
            }
            rationale.append(text)
        }
        guard sentences.next() == nil else {
            throw StoreError.inconsistent("plan rung \(step) has more rationale sentences than its frame has places")
        }
        return NoticeRung(
            step: step,
            role: role,
            party: party,
            channel: channel,
            country: country,
            regime: regime,
            legalBasis: legalBasis,
            requiredElements: requiredElements,
            deadline: deadline,
            escalation: escalation,
            languages: languages,
            rationale: rationale,
            parallel: parallel
        )
    }
}

/// A plan without its URL, its date, its rungs and the warnings that name its target (plan format 5): the law
/// chosen, fast lanes and what the holder must supply, shared by every plan under the same rule.
struct PlanFrame: Sendable, Codable, Hashable {
    var fastLanes: [String]
    var kind: InfringementKind
    var lawCountry: CountryCode?
    var lawSource: NoticePlan.LawSource
    var missingFromHolder: [HolderRequirement]
    var regime: String?
    var warnings: [String?]

    /// Splits `plan` into its frame and the warnings that name its target.
    static func split(_ plan: NoticePlan, names: TargetNames) -> (frame: PlanFrame, ownWarnings: [String]) {
        var own: [String] = []
        var warnings: [String?] = []
        warnings.reserveCapacity(plan.warnings.count)
        for warning in plan.warnings {
            if names.occur(in: warning) {
                own.append(warning)
                warnings.append(nil)
            } else {
                warnings.append(warning)
            }
        }
        let frame = PlanFrame(
            fastLanes: plan.fastLanes,
            kind: plan.kind,
            lawCountry: plan.lawCountry,
            lawSource: plan.lawSource,
            missingFromHolder: plan.missingFromHolder,
            regime: plan.regime,
            warnings: warnings
        )
        return (frame, own)
    }

    /// The plan's warnings: the frame's, with the row's own in the places marked `null`.
    func warnings(with own: [String]) throws(StoreError) -> [String] {
        var rest = own.makeIterator()
        var out: [String] = []
        for warning in warnings {
            guard let text = warning ?? rest.next() else {
                throw StoreError.inconsistent("plan row lacks a warning its frame expects")
            }
            out.append(text)
        }
        guard rest.next() == nil else {
            throw StoreError.inconsistent("plan row has more warnings than its frame has places")
        }
        return out
    }
}
