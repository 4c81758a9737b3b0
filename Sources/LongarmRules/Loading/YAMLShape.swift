import Yams

/// The fields a data file may hold, so that a misspelt field is reported instead of silently ignored, and
/// a key written twice is reported instead of silently collapsed.
indirect enum YAMLShape: Sendable {
    /// A mapping with these fields.
    case fields([String: YAMLShape])
    /// A mapping whose keys are free (checked elsewhere), each value of one shape.
    case anyKeys(YAMLShape)
    /// A list, each element of one shape.
    case list(YAMLShape)
    /// A scalar, or a list of scalars.
    case value

    /// Every duplicate key and unknown field in `text`, as `(path, problem)`.
    func problems(in text: String) -> [(path: String, problem: String)] {
        guard let node = try? Yams.compose(yaml: text) else { return [] }
        var found: [(String, String)] = []
        check(node, path: "", into: &found)
        return found
    }

    private func check(_ node: Node, path: String, into found: inout [(String, String)]) {
        switch node {
        case .mapping(let mapping):
            var seen = Set<String>()
            for (key, value) in mapping {
                let name = key.string ?? "?"
                let here = path.isEmpty ? name : "\(path).\(name)"
                if !seen.insert(name).inserted { found.append((here, "duplicate key \"\(name)\"")) }
                switch self {
                case .fields(let fields):
                    guard let shape = fields[name] else {
                        found.append((here, "unknown field \"\(name)\""))
                        continue
                    }
                    shape.check(value, path: here, into: &found)
                case .anyKeys(let shape):
                    shape.check(value, path: here, into: &found)
                case .list, .value:
                    break
                }
            }
        case .sequence(let sequence):
            guard case .list(let shape) = self else { return }
            for (index, element) in sequence.enumerated() {
                shape.check(element, path: "\(path)[\(index)]", into: &found)
            }
        default:
            break
        }
    }

    private static let source = YAMLShape.list(.fields(["title": .value, "url": .value]))
    private static let basis = YAMLShape.list(
        .fields(["instrument": .value, "article": .value, "note": .value, "confidence": .value])
    )
    private static let deadline = YAMLShape.fields(["duration": .value, "text": .value, "confidence": .value])

    /// A jurisdiction file (`jurisdictions/CC.yaml`, `EU.yaml`).
    static let jurisdiction = YAMLShape.fields([
        "code": .value, "name": .value, "officialLanguages": .value, "notes": .value, "members": .value,
        "letter": .fields(["languages": .value, "bilingual": .value, "advice": .value]),
        "crossBorder": .fields(["hagueService": .value, "prcJudgments": .value, "note": .value, "confidence": .value]),
        "extraterritorial": basis, "sources": source,
        "kinds": .anyKeys(
            .fields([
                "regime": .value, "legalBasis": basis, "elements": .value, "deadline": deadline,
                "counterNotice": .value, "falseNotice": .value, "languages": .value, "confidence": .value,
                "sources": source, "notes": .value,
                "fastLanes": .list(
                    .fields([
                        "name": .value, "scope": .value, "deadline": deadline, "legalBasis": basis,
                        "confidence": .value,
                    ])
                ),
            ])
        ),
    ])

    /// `jurisdictions/elements.yaml`.
    static let elements = YAMLShape.fields([
        "elements": .list(
            .fields([
                "id": .value, "description": .value, "satisfiedBy": .value, "askHolder": .value,
                "holderNote": .value,
            ])
        )
    ])

    /// `jurisdictions/roles.yaml`.
    static let roles = YAMLShape.fields([
        "roles": .anyKeys(
            .fields([
                "escalation": .value, "legalBasis": basis, "elements": .value, "note": .value, "confidence": .value,
            ])
        )
    ])

    /// A provider file (`providers/ID.yaml`).
    static let provider = YAMLShape.fields([
        "id": .value, "name": .value, "roles": .value, "country": .value, "anonymity": .value, "checked": .value,
        "confidence": .value, "sources": source,
        "recognition": .fields([
            "asns": .value, "rdapOrgPatterns": .value, "ianaRegistrarIds": .value, "cnameSuffixes": .value,
            "domains": .value, "names": .value, "confidence": .value,
        ]),
        "channels": .list(
            .fields(["kind": .value, "address": .value, "kinds": .value, "note": .value, "confidence": .value])
        ),
        "forwards": .fields(["to": .value, "note": .value]),
        "limits": .fields(["urlsPerReport": .value, "note": .value]),
    ])
}
