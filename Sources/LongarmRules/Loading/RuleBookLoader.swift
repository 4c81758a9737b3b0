import Foundation
import LongarmCore
import Yams

/// Reads every file of a data folder, converts it, and cross-checks the files against each other.
struct RuleBookLoader {
    let directory: URL
    /// The largest data file accepted; the shipped files are a few kilobytes.
    static let maximumFileSize = 1 << 20

    func load() -> (RuleBook?, [RulesIssue]) {
        var issues: [RulesIssue] = []
        let jurisdictionFolder = directory.appendingPathComponent("jurisdictions")
        let providerFolder = directory.appendingPathComponent("providers")
        guard FileManager.default.fileExists(atPath: jurisdictionFolder.path) else {
            return (nil, [RulesIssue(file: "jurisdictions", path: "", problem: "no such folder in \(directory.path)")])
        }

        let (elements, elementIssues) = loadElements(jurisdictionFolder.appendingPathComponent("elements.yaml"))
        issues += elementIssues
        let (roles, roleIssues) = loadRoles(jurisdictionFolder.appendingPathComponent("roles.yaml"), elements: elements)
        issues += roleIssues

        let files = yamlFiles(in: jurisdictionFolder).filter { $0 != "elements" && $0 != "roles" }
        var euMembers = Set<String>()
        var rawFiles: [(String, RawJurisdiction)] = []
        for name in files {
            var collector = IssueCollector(file: "jurisdictions/\(name).yaml")
            if let raw: RawJurisdiction = decode(jurisdictionFolder, name, .jurisdiction, &collector) {
                rawFiles.append((name, raw))
                if name == "EU" { euMembers = Set(raw.members ?? []) }
            }
            issues += collector.issues
        }
        if !files.contains("EU") {
            issues.append(
                RulesIssue(file: "jurisdictions/EU.yaml", path: "", problem: "missing: the EU layer is required")
            )
        }
        let converter = JurisdictionConverter(elements: Set(elements.keys), euMembers: euMembers)
        var jurisdictions: [String: Jurisdiction] = [:]
        for (name, raw) in rawFiles {
            var collector = IssueCollector(file: "jurisdictions/\(name).yaml")
            if let jurisdiction = converter.convert(raw, fileCode: name, issues: &collector) {
                if jurisdictions[jurisdiction.code] != nil {
                    collector.add("code", "duplicate jurisdiction \"\(jurisdiction.code)\"")
                } else {
                    jurisdictions[jurisdiction.code] = jurisdiction
                }
            }
            issues += collector.issues
        }
        issues += checkOverrides(jurisdictions)

        var providers: [Provider] = []
        var seenASN: [Int: String] = [:]
        var seenIANA: [String: String] = [:]
        for name in yamlFiles(in: providerFolder) {
            var collector = IssueCollector(file: "providers/\(name).yaml")
            if let raw: RawProvider = decode(providerFolder, name, .provider, &collector),
                let provider = ProviderConverter().convert(raw, fileID: name, issues: &collector)
            {
                for (index, asn) in provider.recognition.asns.enumerated() {
                    if let other = seenASN[asn] {
                        collector.add(
                            "recognition.asns[\(index)]",
                            "duplicate ASN \(asn), also in providers/\(other).yaml"
                        )
                    }
                    seenASN[asn] = provider.id
                }
                for (index, id) in provider.recognition.ianaRegistrarIds.enumerated() {
                    if let other = seenIANA[id] {
                        collector.add(
                            "recognition.ianaRegistrarIds[\(index)]",
                            "duplicate IANA registrar id \(id), also in providers/\(other).yaml"
                        )
                    }
                    seenIANA[id] = provider.id
                }
                providers.append(provider)
            }
            issues += collector.issues
        }
        issues.sort()
        let book = RuleBook(elements: elements, jurisdictions: jurisdictions, roles: roles, providers: providers)
        return (book, issues)
    }

    /// An EU member may override only rules the EU layer has.
    private func checkOverrides(_ jurisdictions: [String: Jurisdiction]) -> [RulesIssue] {
        guard let eu = jurisdictions["EU"] else { return [] }
        var issues: [RulesIssue] = []
        for jurisdiction in jurisdictions.values where jurisdiction.euMember {
            for kind in jurisdiction.rules.keys.sorted() where eu.rules[kind] == nil {
                issues.append(
                    RulesIssue(
                        file: "jurisdictions/\(jurisdiction.code).yaml",
                        path: "kinds.\(kind)",
                        problem: "overrides a rule the EU layer does not have"
                    )
                )
            }
        }
        return issues
    }

    private func loadElements(_ url: URL) -> ([String: ElementDefinition], [RulesIssue]) {
        var collector = IssueCollector(file: "jurisdictions/elements.yaml")
        var result: [String: ElementDefinition] = [:]
        guard let raw: RawElementsFile = decode(url, .elements, &collector) else { return (result, collector.issues) }
        for (index, element) in (collector.require(raw.elements, "elements", at: "") ?? []).enumerated() {
            let here = "elements[\(index)]"
            let id = collector.require(element.id, "id", at: here)
            let description = collector.require(element.description, "description", at: here)
            let satisfiedBy = collector.require(element.satisfiedBy, "satisfiedBy", at: here)
            let askText = element.askHolder ?? "never"
            let ask = ElementDefinition.AskHolder(rawValue: askText)
            if ask == nil { collector.add("\(here).askHolder", "unknown value \"\(askText)\"") }
            guard let id, let description, let satisfiedBy, let ask else { continue }
            if result[id] != nil {
                collector.add("\(here).id", "duplicate element \"\(id)\"")
                continue
            }
            result[id] = ElementDefinition(
                id: NoticeElement(id),
                description: description,
                satisfiedBy: satisfiedBy,
                askHolder: ask,
                holderNote: element.holderNote
            )
        }
        return (result, collector.issues)
    }

    private func loadRoles(
        _ url: URL,
        elements: [String: ElementDefinition]
    ) -> ([NoticeRung.Role: RoleRule], [RulesIssue]) {
        var collector = IssueCollector(file: "jurisdictions/roles.yaml")
        var result: [NoticeRung.Role: RoleRule] = [:]
        guard let raw: RawRolesFile = decode(url, .roles, &collector) else { return (result, collector.issues) }
        let rawRoles = collector.require(raw.roles, "roles", at: "") ?? [:]
        for key in rawRoles.keys.sorted() {
            let here = "roles.\(key)"
            guard let role = NoticeRung.Role(rawValue: key) else {
                collector.add(here, "unknown role \"\(key)\"")
                continue
            }
            let entry = rawRoles[key]!
            let escalation = collector.require(entry.escalation, "escalation", at: here)
            let bases = collector.bases(entry.legalBasis ?? [], at: "\(here).legalBasis", origin: nil)
            var ids: [NoticeElement] = []
            for (index, id) in (entry.elements ?? []).enumerated() {
                if elements[id] == nil {
                    collector.add("\(here).elements[\(index)]", "unknown element \"\(id)\"")
                } else {
                    ids.append(NoticeElement(id))
                }
            }
            let confidence = collector.confidence(entry.confidence, at: here)
            guard let escalation, let confidence else { continue }
            result[role] = RoleRule(
                role: role,
                escalation: escalation,
                legalBasis: bases,
                elements: ids,
                note: entry.note,
                confidence: confidence
            )
        }
        for role in NoticeRung.Role.allCases where rawRoles[role.rawValue] == nil {
            collector.add("roles", "lacks \"\(role.rawValue)\"")
        }
        return (result, collector.issues)
    }

    private func yamlFiles(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    private func decode<T: Decodable>(
        _ folder: URL,
        _ name: String,
        _ shape: YAMLShape,
        _ collector: inout IssueCollector
    ) -> T? {
        decode(folder.appendingPathComponent("\(name).yaml"), shape, &collector)
    }

    private func decode<T: Decodable>(_ url: URL, _ shape: YAMLShape, _ collector: inout IssueCollector) -> T? {
        guard let data = try? Data(contentsOf: url) else {
            collector.add("", "cannot be read")
            return nil
        }
        guard data.count <= Self.maximumFileSize else {
            collector.add("", "is larger than \(Self.maximumFileSize) bytes")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            collector.add("", "is not UTF-8")
            return nil
        }
        for problem in shape.problems(in: text) {
            collector.add(problem.path, problem.problem)
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            let (path, problem) = Self.describe(error)
            collector.add(path, problem)
        } catch {
            collector.add(
                "",
                "is not valid YAML: \(String(describing: error).replacingOccurrences(of: "\n", with: " "))"
            )
        }
        return nil
    }

    /// A person's word for the YAML shape a Swift type needs.
    static func noun(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.contains("Sequence") { return "a list" }
        if name.hasPrefix("Dictionary") || name.contains("Mapping") { return "a mapping" }
        switch name {
        case "String": return "text"
        case "Int", "Double": return "a number"
        case "Bool": return "true or false"
        default: return "a mapping"
        }
    }

    static func describe(_ error: DecodingError) -> (String, String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce(into: "") { result, key in
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(noun(type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "expected \(noun(type)), found nothing")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath), "lacks \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", "cannot be decoded")
        }
    }
}
