import Foundation
public import LongarmCore
public import LongarmRules

/// Turns a case's planned targets into letters: one per party and law, in the languages and formats asked.
public struct LetterComposer: Sendable {
    /// The letters of a batch and the cover summary for the holder.
    public struct Batch: Sendable {
        /// Every letter, in ladder order, one per format.
        public var letters: [Letter]
        /// The cover summary in the holder's language (Markdown) and its language.
        public var cover: (language: String, text: String)
        /// Notes worth showing (languages replaced by English, formats skipped).
        public var notes: [String]
    }

    let library: TemplateLibrary
    let book: RuleBook?

    /// Creates a composer over loaded templates; `book` supplies each country's bilingual advice.
    public init(library: TemplateLibrary, book: RuleBook? = nil) {
        self.library = library
        self.book = book
    }

    /// Renders every rung of every target; without `draft`, throws one error naming all missing data.
    public func compose(
        caseFile: CaseFile,
        targets: [PlannedTarget],
        evidence: [Int64: EvidenceSummary] = [:],
        options: LetterOptions
    ) throws(LetterError) -> Batch {
        var letters: [Letter] = []
        var notes: [String] = []
        var failures: [LetterError] = []
        var coverLines: [(party: String, language: String, missing: [MissingElement])] = []
        let dateHeader = options.formats.contains(.eml) ? MIMEWriter.rfc5322Date(options.date) : ""
        for group in LetterGroup.groups(targets) {
            do {
                let rendered = try render(
                    group,
                    caseFile: caseFile,
                    evidence: evidence,
                    options: options,
                    dateHeader: dateHeader
                )
                letters += rendered.letters
                notes += rendered.notes
                if let first = rendered.letters.first {
                    coverLines.append((first.party, first.language, first.missing))
                }
            } catch {
                failures.append(error)
            }
        }
        if !failures.isEmpty {
            let text = failures.map(\.description).joined(separator: "\n")
            throw LetterError(.missingElements, text, missing: failures.flatMap(\.missing))
        }
        let cover = try coverSummary(caseFile: caseFile, lines: coverLines, options: options)
        return Batch(letters: letters, cover: cover, notes: Array(Set(notes)).sorted())
    }

    private func render(
        _ group: LetterGroup,
        caseFile: CaseFile,
        evidence: [Int64: EvidenceSummary],
        options: LetterOptions,
        dateHeader: String
    ) throws(LetterError) -> (letters: [Letter], notes: [String]) {
        let rung = group.rung
        let captures = group.targets.flatMap { evidence[$0.target.id ?? -1]?.captures ?? [] }
        let manifest = group.targets.lazy.compactMap { evidence[$0.target.id ?? -1] }.first { $0.manifest != nil }
        let check = ElementCheck(
            caseFile: caseFile,
            hasEvidence: !captures.isEmpty,
            lawCountry: group.plan.lawCountry,
            hasLegalBasis: !rung.legalBasis.isEmpty
        )
        var satisfied: [SatisfiedElement] = []
        var missing: [MissingElement] = []
        var statements: [(key: String, value: String?)] = []
        for element in rung.requiredElements {
            switch check.outcome(element) {
            case .satisfied(let source, let statement, let value):
                satisfied.append(SatisfiedElement(element: element, source: source))
                if let statement { statements.append((statement, value)) }
            case .missing(let fields):
                let caseID = caseFile.id.map(String.init) ?? "CASE"
                let options = fields.map(ElementCheck.option(for:)).joined(separator: " ")
                let remedy =
                    fields == ["evidence"] || fields == ["legal-basis"]
                    ? options : "longarm case set \(caseID) \(options)"
                missing.append(MissingElement(element: element, fields: fields, remedy: remedy))
                if element.rawValue == "address-for-service" || element.rawValue == "real-identity"
                    || element.rawValue == "proof-of-rights" || element.rawValue == "lawyer-representation"
                {
                    statements.append((element.rawValue, nil))
                }
            case .notApplicable:
                continue
            }
        }
        let regime = Self.regimeKey(rung: rung, plan: group.plan)
        guard let templateName = library.templateName(regime: regime, kind: group.plan.kind.rawValue) else {
            throw LetterError(.templates, "\(library.directory.path): no template for \(regime.rawValue)")
        }
        if !missing.isEmpty && !options.draft {
            throw Self.missingError(caseFile: caseFile, group: group, missing: missing)
        }
        let bilingual = book?.jurisdictions[(group.plan.lawCountry ?? rung.country)?.rawValue ?? ""]?.letter.bilingual
        let choice = LanguageChoice.languages(
            rungLanguages: rung.languages,
            bilingual: bilingual ?? false,
            forced: options.language,
            available: Set(library.phrasebooks.keys)
        )
        let bodyInput = BodyInput(
            caseFile: caseFile,
            group: group,
            regime: regime,
            captures: captures,
            manifestName: manifest?.manifestName,
            statements: statements,
            missing: missing,
            options: options
        )
        var markdown: [String] = []
        var subjects: [String] = []
        var bodies: [LetterContext] = []
        for language in choice.languages {
            guard let phrases = library.phrasebooks[language] else { continue }
            let context = BodyBuilder(input: bodyInput, phrases: phrases).context()
            bodies.append(context)
            markdown.append(try library.render(templateName, tree: context.mustacheTree, language: language))
            subjects.append(fill(phrases.subject, ["work": caseFile.work ?? caseFile.holder]))
        }
        var document = LetterDocument(
            markdown: markdown.joined(separator: "\n\n---\n\n"),
            subject: (options.draft && !missing.isEmpty ? "[DRAFT] " : "") + subjects.joined(separator: " / "),
            language: choice.languages.joined(separator: "+"),
            primaryLanguage: choice.languages[0],
            bodies: bodies,
            sender: caseFile.particulars,
            senderName: caseFile.particulars.senderName ?? caseFile.holder,
            recipient: rung.channel.kind == .email ? (rung.channel.address ?? rung.party.abuseEmail) : nil,
            date: options.date,
            manifest: manifest.flatMap { summary in
                summary.manifest.map { (summary.manifestName ?? "manifest.json", $0) }
            },
            draft: !missing.isEmpty
        )
        document.dateHeader = dateHeader
        document.prepare(for: options.formats)
        var letters: [Letter] = []
        var notes: [String] = choice.note.map { ["\(rung.party.name): \($0)"] } ?? []
        for format in options.formats {
            if format == .form && rung.channel.kind != .webForm { continue }
            if format == .eml && rung.channel.kind != .email {
                notes.append("\(rung.party.name): no .eml, the channel is \(rung.channel.kind.rawValue)")
                continue
            }
            letters.append(
                Letter(
                    rungStep: rung.step,
                    role: rung.role,
                    party: rung.party.name,
                    channel: rung.channel.kind,
                    channelAddress: rung.channel.address,
                    language: document.language,
                    format: format,
                    urls: group.targets.map(\.target.canonicalURL),
                    targetIDs: group.targets.compactMap(\.target.id),
                    content: LetterRenderer.render(document, format: format),
                    satisfied: satisfied,
                    missing: missing,
                    draft: !missing.isEmpty,
                    regime: regime.rawValue,
                    template: templateName
                )
            )
        }
        return (letters, notes)
    }

    static func regimeKey(rung: NoticeRung, plan: NoticePlan) -> RegimeKey {
        let dsa = rung.legalBasis.contains { $0.instrument.contains("2022/2065") && $0.article.contains("16") }
        switch rung.regime ?? plan.regime ?? "" {
        case "statutory-takedown": return dsa ? .dsa : .statutory
        case "notice-and-notice": return .noticeAndNotice
        case "knowledge-based": return dsa ? .dsa : .knowledge
        case "court-order": return .court
        case "regulator": return .regulator
        default: return dsa ? .dsa : .terms
        }
    }

    static func missingError(caseFile: CaseFile, group: LetterGroup, missing: [MissingElement]) -> LetterError {
        let rung = group.rung
        let country = (group.plan.lawCountry ?? rung.country)?.rawValue ?? "unplaced"
        let law =
            rung.legalBasis.first { ($0.note ?? "").contains("element") }?.citation
            ?? rung.legalBasis.first?.citation ?? "the provider's terms"
        let caseID = caseFile.id.map(String.init) ?? "CASE"
        let needs = missing.map { item in
            let fields = item.fields.joined(separator: ", ")
            return fields == item.element.rawValue ? fields : "\(fields) (\(item.element.rawValue))"
        }
        let fields = Array(Set(missing.flatMap(\.fields))).sorted()
        var remedies: [String] = []
        let settable = fields.filter { $0 != "evidence" && $0 != "legal-basis" }
        if !settable.isEmpty {
            let options = settable.map(ElementCheck.option(for:)).joined(separator: " ")
            remedies.append("set it with longarm case set \(caseID) \(options)")
        }
        if fields.contains("evidence") { remedies.append("capture evidence for the URL first") }
        if fields.contains("legal-basis") { remedies.append("fix the rules data: the rung cites no provision") }
        let regime = rung.regime ?? "notice"
        return LetterError(
            .missingElements,
            "case \(caseID): the \(country) \(regime) notice to \(rung.party.name) (\(law)) needs "
                + "\(needs.joined(separator: ", ")): \(remedies.joined(separator: "; "))",
            missing: missing
        )
    }
}
