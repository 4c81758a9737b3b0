import Foundation
import LongarmCore

/// What every language body of one letter shares.
struct BodyInput {
    var caseFile: CaseFile
    var group: LetterGroup
    var regime: RegimeKey
    var captures: [EvidenceSummary.Capture]
    var manifestName: String?
    var statements: [(key: String, value: String?)]
    var missing: [MissingElement]
    var options: LetterOptions
}

/// Builds the typed context of one letter body in one language.
struct BodyBuilder {
    let input: BodyInput
    let phrases: Phrasebook

    private func placeholder(_ field: String) -> String { "[MISSING: \(field)]" }

    private func value(_ text: String?, field: String) -> String? {
        if let text, !text.isEmpty { return text }
        return input.missing.contains { $0.fields.contains(field) } ? placeholder(field) : nil
    }

    func context() -> LetterContext {
        let caseFile = input.caseFile
        let p = caseFile.particulars
        let rung = input.group.rung
        let work = caseFile.work ?? caseFile.title ?? caseFile.holder
        let senderName = p.senderName ?? caseFile.holder
        let slots = [
            "holder": caseFile.holder, "party": rung.party.name, "work": work, "sender": senderName,
            "version": input.options.version,
        ]
        let uncertain = phrases.uncertain
        var footer = [fill(phrases.footer.draftedBy, slots)]
        if !phrases.reviewed { footer.append(phrases.footer.translation) }
        if !input.missing.isEmpty { footer.append(phrases.footer.draft) }
        let isUncertain =
            rung.legalBasis.contains { $0.confidence == .uncertain } || rung.deadline?.confidence == .uncertain
            || rung.channel.confidence == .uncertain
        if isUncertain { footer.append(phrases.footer.uncertain) }
        let statements = input.statements.map { item -> String in
            let valueText = item.value ?? placeholder(Self.field(forStatement: item.key))
            return fill(phrases.statement(item.key), slots.merging(["value": valueText]) { $1 })
        }
        let deadline = rung.deadline.map { deadline in
            fill(phrases.deadline, ["deadline": deadline.text])
                + (deadline.confidence == .uncertain ? " " + uncertain : "")
        }
        let evidence =
            input.captures.isEmpty
            ? nil
            : LetterContext.Evidence(
                rows: input.captures.map {
                    LetterContext.EvidenceRow(
                        url: $0.url,
                        capturedAt: Self.timestamp($0.capturedAt),
                        sha256: $0.sha256,
                        serverAddress: $0.serverAddress
                    )
                },
                manifestName: input.manifestName
            )
        let title = phrases.titles.value(for: input.regime)
        return LetterContext(
            language: phrases.language,
            title: input.missing.isEmpty ? title : "[DRAFT] " + title,
            greeting: fill(phrases.greeting, slots),
            intro: fill(phrases.intros.value(for: input.regime), slots),
            headings: phrases.headings,
            labels: phrases.labels,
            sender: LetterContext.Sender(
                name: senderName,
                email: value(p.senderEmail, field: "sender-email"),
                address: value(p.senderAddress, field: "sender-address"),
                phone: p.senderPhone,
                representedBy: p.representedBy,
                addressForService: p.addressForService
            ),
            holder: caseFile.holder,
            recipient: LetterContext.Recipient(
                name: rung.party.name,
                role: rung.role.rawValue,
                country: rung.country?.rawValue,
                channel: rung.channel.kind.rawValue,
                address: rung.channel.address ?? rung.party.abuseEmail
            ),
            urls: input.group.targets.map(\.target.canonicalURL),
            work: value(caseFile.work, field: "work") ?? work,
            explanation: fill(Self.explanation(phrases, kind: input.group.plan.kind), slots),
            facts: value(p.facts, field: "facts"),
            legalBasis: rung.legalBasis.map {
                LetterContext.Basis(
                    citation: $0.citation,
                    note: $0.note,
                    uncertain: $0.confidence == .uncertain ? uncertain : nil
                )
            },
            requestedAction: fill(Self.action(phrases, rung: rung, regime: input.regime), slots),
            deadline: deadline,
            evidence: evidence,
            statements: statements,
            hasStatements: !statements.isEmpty,
            closing: phrases.closing,
            signature: value(p.signature, field: "signature") ?? senderName,
            date: Self.day(input.options.date),
            footer: footer
        )
    }

    static func field(forStatement key: String) -> String {
        switch key {
        case "real-identity": "identity-documents"
        case "lawyer-representation": "represented-by"
        default: key
        }
    }

    static func explanation(_ phrases: Phrasebook, kind: InfringementKind) -> String {
        switch kind {
        case .copyright: phrases.explanations.copyright
        case .portrait: phrases.explanations.portrait
        case .reputation: phrases.explanations.reputation
        case .privacy: phrases.explanations.privacy
        case .trademark: phrases.explanations.trademark
        }
    }

    static func action(_ phrases: Phrasebook, rung: NoticeRung, regime: RegimeKey) -> String {
        if rung.role == .searchEngine { return phrases.actions.delist }
        if regime == .noticeAndNotice { return phrases.actions.forward }
        switch rung.role {
        case .registrar, .registry, .upstream, .cdn: return phrases.actions.review
        default: return phrases.actions.remove
        }
    }

    static func day(_ date: Date) -> String { UTCDateParts(date).isoDay }

    static func timestamp(_ date: Date) -> String { UTCDateParts(date).isoTimestamp }
}
