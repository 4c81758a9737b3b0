import Foundation
import LongarmCore

/// Turns a decoded jurisdiction file into a `Jurisdiction`, reporting every problem it finds.
struct JurisdictionConverter {
    /// The element vocabulary.
    let elements: Set<String>
    /// Codes of EU members (from `EU.yaml`); their files may state only overrides.
    let euMembers: Set<String>

    func convert(_ raw: RawJurisdiction, fileCode: String, issues: inout IssueCollector) -> Jurisdiction? {
        let code = issues.require(raw.code, "code", at: "")
        if let code {
            if CountryCode(lenient: code)?.rawValue != code {
                issues.add("code", "unknown country code \"\(code)\"")
            } else if code != fileCode {
                issues.add("code", "\"\(code)\" does not match the file name \(fileCode).yaml")
            }
        }
        let name = issues.require(raw.name, "name", at: "")
        let official = issues.require(raw.officialLanguages, "officialLanguages", at: "") ?? []
        for (index, tag) in official.enumerated() {
            _ = issues.language(tag, at: "officialLanguages[\(index)]")
        }
        let letter = convertLetter(raw.letter, issues: &issues)
        let isEU = fileCode == "EU"
        let crossBorder = isEU ? nil : convertCrossBorder(raw.crossBorder, issues: &issues)
        var members: [String] = []
        if isEU {
            for (index, member) in (issues.require(raw.members, "members", at: "") ?? []).enumerated() {
                if issues.country(member, at: "members[\(index)]") != nil { members.append(member) }
            }
        }
        let extraterritorial = issues.bases(raw.extraterritorial ?? [], at: "extraterritorial", origin: fileCode)
        let sources = issues.sources(raw.sources, at: "")
        let isMember = euMembers.contains(fileCode)
        var rules: [String: KindRule] = [:]
        let rawKinds = raw.kinds ?? [:]
        if rawKinds.isEmpty && !isMember {
            issues.add("", "lacks \"kinds\"")
        }
        for key in rawKinds.keys.sorted() {
            guard let kind = InfringementKind(rawValue: key) else {
                issues.add(
                    "kinds.\(key)",
                    "unknown kind \"\(key)\" (expected copyright, portrait, reputation, privacy or trademark)"
                )
                continue
            }
            let rule = convertRule(rawKinds[key]!, kind: kind, origin: fileCode, partial: isMember, issues: &issues)
            if let rule { rules[key] = rule }
        }
        if !isMember && !rawKinds.isEmpty {
            for kind in InfringementKind.allCases where rawKinds[kind.rawValue] == nil {
                issues.add("kinds", "lacks \"\(kind.rawValue)\"")
            }
        }
        guard let code, let name, let letter else { return nil }
        return Jurisdiction(
            code: code,
            name: name,
            officialLanguages: official,
            letter: letter,
            crossBorder: crossBorder,
            euMember: isMember,
            members: members,
            extraterritorial: extraterritorial,
            sources: sources,
            notes: raw.notes,
            rules: rules
        )
    }

    private func convertLetter(_ raw: RawLetterAdvice?, issues: inout IssueCollector) -> Jurisdiction.LetterAdvice? {
        guard let raw = issues.require(raw, "letter", at: "") else { return nil }
        let languages = issues.require(raw.languages, "languages", at: "letter") ?? []
        for (index, tag) in languages.enumerated() {
            _ = issues.language(tag, at: "letter.languages[\(index)]")
        }
        return Jurisdiction.LetterAdvice(languages: languages, bilingual: raw.bilingual ?? false, advice: raw.advice)
    }

    private func convertCrossBorder(_ raw: RawCrossBorder?, issues: inout IssueCollector) -> Jurisdiction.CrossBorder? {
        guard let raw = issues.require(raw, "crossBorder", at: "") else { return nil }
        var hague: Jurisdiction.HagueService?
        if let text = issues.require(raw.hagueService, "hagueService", at: "crossBorder") {
            hague = Jurisdiction.HagueService(rawValue: text)
            if hague == nil { issues.add("crossBorder.hagueService", "unknown value \"\(text)\"") }
        }
        var prc: Jurisdiction.PRCJudgments?
        if let text = issues.require(raw.prcJudgments, "prcJudgments", at: "crossBorder") {
            prc = Jurisdiction.PRCJudgments(rawValue: text)
            if prc == nil { issues.add("crossBorder.prcJudgments", "unknown value \"\(text)\"") }
        }
        let confidence = issues.confidence(raw.confidence, at: "crossBorder")
        guard let hague, let prc, let confidence else { return nil }
        return Jurisdiction.CrossBorder(hagueService: hague, prcJudgments: prc, note: raw.note, confidence: confidence)
    }

    /// Converts one rule; a `partial` rule (an EU member's override) may leave out what the EU layer supplies.
    func convertRule(
        _ raw: RawRule,
        kind: InfringementKind,
        origin: String,
        partial: Bool,
        issues: inout IssueCollector
    ) -> KindRule? {
        let path = "kinds.\(kind.rawValue)"
        var regime: Regime?
        if let text = partial ? raw.regime : issues.require(raw.regime, "regime", at: path) {
            regime = Regime(rawValue: text)
            if regime == nil {
                let known = Regime.allCases.map(\.rawValue).joined(separator: ", ")
                issues.add("\(path).regime", "unknown regime \"\(text)\" (expected \(known))")
            }
        }
        let rawBases = partial ? (raw.legalBasis ?? []) : (issues.require(raw.legalBasis, "legalBasis", at: path) ?? [])
        let bases = issues.bases(rawBases, at: "\(path).legalBasis", origin: origin)
        if partial, raw.legalBasis != nil, rawBases.isEmpty {
            issues.add(path, "lacks \"legalBasis\"")
        }
        let rawElements = partial ? (raw.elements ?? []) : (issues.require(raw.elements, "elements", at: path) ?? [])
        var elementIDs: [NoticeElement] = []
        for (index, id) in rawElements.enumerated() {
            if !elements.contains(id) {
                issues.add("\(path).elements[\(index)]", "unknown element \"\(id)\"")
            } else if elementIDs.contains(NoticeElement(id)) {
                issues.add("\(path).elements[\(index)]", "duplicate element \"\(id)\"")
            } else {
                elementIDs.append(NoticeElement(id))
            }
        }
        let deadline = raw.deadline.flatMap { issues.deadline($0, at: "\(path).deadline") }
        var lanes: [FastLane] = []
        for (index, lane) in (raw.fastLanes ?? []).enumerated() {
            let here = "\(path).fastLanes[\(index)]"
            let name = issues.require(lane.name, "name", at: here)
            let scope = issues.require(lane.scope, "scope", at: here)
            let laneBases = issues.bases(
                issues.require(lane.legalBasis, "legalBasis", at: here) ?? [],
                at: "\(here).legalBasis",
                origin: origin
            )
            let laneDeadline = lane.deadline.flatMap { issues.deadline($0, at: "\(here).deadline") }
            let confidence = issues.confidence(lane.confidence, at: here)
            if let name, let scope, let confidence {
                lanes.append(
                    FastLane(
                        name: name,
                        scope: scope,
                        deadline: laneDeadline,
                        legalBasis: laneBases,
                        confidence: confidence
                    )
                )
            }
        }
        let languages = raw.languages ?? []
        for (index, tag) in languages.enumerated() {
            _ = issues.language(tag, at: "\(path).languages[\(index)]")
        }
        let confidence =
            partial && raw.confidence == nil ? Confidence.known : issues.confidence(raw.confidence, at: path)
        let sources = partial && raw.sources == nil ? [] : issues.sources(raw.sources, at: path)
        guard let confidence else { return nil }
        if !partial, regime == nil { return nil }
        var provenance: [String: String] = [:]
        for (field, present) in [
            ("regime", raw.regime != nil), ("legalBasis", raw.legalBasis != nil), ("elements", raw.elements != nil),
            ("deadline", raw.deadline != nil), ("counterNotice", raw.counterNotice != nil),
            ("falseNotice", raw.falseNotice != nil), ("fastLanes", raw.fastLanes != nil),
            ("languages", raw.languages != nil), ("confidence", raw.confidence != nil),
            ("sources", raw.sources != nil), ("notes", raw.notes != nil),
        ] where present {
            provenance[field] = origin
        }
        return KindRule(
            kind: kind,
            regime: regime ?? .knowledgeBased,
            legalBasis: bases,
            elements: elementIDs,
            deadline: deadline,
            counterNotice: raw.counterNotice,
            falseNotice: raw.falseNotice,
            fastLanes: lanes,
            languages: languages,
            confidence: confidence,
            sources: sources,
            notes: raw.notes,
            provenance: provenance
        )
    }
}
