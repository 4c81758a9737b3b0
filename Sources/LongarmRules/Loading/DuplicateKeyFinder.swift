import Yams

/// Finds keys that a YAML mapping repeats: decoding would keep one silently, so the check reports them.
enum DuplicateKeyFinder {
    /// Each duplicate as `(path of the mapping's key, key)`.
    static func duplicates(in text: String) -> [(path: String, key: String)] {
        guard let node = try? Yams.compose(yaml: text) else { return [] }
        var found: [(String, String)] = []
        walk(node, path: "", into: &found)
        return found
    }

    private static func walk(_ node: Node, path: String, into found: inout [(String, String)]) {
        switch node {
        case .mapping(let mapping):
            var seen = Set<String>()
            for (key, value) in mapping {
                let name = key.string ?? "?"
                let here = path.isEmpty ? name : "\(path).\(name)"
                if !seen.insert(name).inserted { found.append((here, name)) }
                walk(value, path: here, into: &found)
            }
        case .sequence(let sequence):
            for (index, element) in sequence.enumerated() {
                walk(element, path: "\(path)[\(index)]", into: &found)
            }
        case .scalar:
            break
        @unknown default:
            break
        }
    }
}
