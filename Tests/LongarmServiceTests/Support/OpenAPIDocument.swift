import Foundation
import Testing
import Yams

/// `docs/openapi.yaml`, loaded with Yams, and a checker for responses against its schemas: required fields,
/// types, enums and closed objects, following `$ref`s.
struct OpenAPIDocument {
    let root: [String: Any]

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    init() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        root = try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    var paths: [String: [String: Any]] {
        (root["paths"] as? [String: Any] ?? [:]).compactMapValues { $0 as? [String: Any] }
    }

    /// Every documented `METHOD /path`.
    var operations: Set<String> {
        var result = Set<String>()
        for (path, item) in paths {
            for method in Self.methods where item[method] != nil { result.insert("\(method.uppercased()) \(path)") }
        }
        return result
    }

    /// The operation object of `method` at `path`.
    func operation(_ method: String, _ path: String) -> [String: Any]? {
        paths[path]?[method.lowercased()] as? [String: Any]
    }

    /// The response object for `status`, `$ref` followed.
    func response(_ method: String, _ path: String, status: Int) -> [String: Any]? {
        guard let responses = operation(method, path)?["responses"] as? [String: Any],
            let response = responses[String(status)] as? [String: Any]
        else { return nil }
        return resolve(response)
    }

    /// Follows a local `$ref`.
    func resolve(_ object: [String: Any]) -> [String: Any] {
        guard let ref = object["$ref"] as? String, ref.hasPrefix("#/") else { return object }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part)] as Any
        }
        return resolve(node as? [String: Any] ?? [:])
    }

    /// Whether a value JSONSerialization produced is `true` or `false` (a boolean NSNumber, not 0 or 1).
    static func isBoolean(_ value: Any) -> Bool {
        String(describing: type(of: value)).contains("Boolean") || type(of: value) == Bool.self
    }

    /// The problems of `value` against `schema`, each naming the JSON path.
    func problems(_ value: Any, schema: [String: Any], path: String = "$") -> [String] {
        let schema = resolve(schema)
        var found: [String] = []
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return found + ["\(path): expected an object"] }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): required field \(key) missing")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            if schema["additionalProperties"] as? Bool == false {
                for key in object.keys where properties[key] == nil {
                    found.append("\(path): undocumented field \(key)")
                }
            }
            for (key, child) in object {
                guard let childSchema = properties[key] as? [String: Any], !(child is NSNull) else { continue }
                found += problems(child, schema: childSchema, path: "\(path).\(key)")
            }
        case "array":
            guard let items = value as? [Any] else { return found + ["\(path): expected an array"] }
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, item) in items.enumerated() {
                    found += problems(item, schema: itemSchema, path: "\(path)[\(index)]")
                }
            }
        case "string":
            if !(value is String) { found.append("\(path): expected a string") }
        case "integer":
            let whole = (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
            if Self.isBoolean(value) || !whole { found.append("\(path): expected an integer") }
        case "boolean":
            if !Self.isBoolean(value) { found.append("\(path): expected a boolean") }
        default:
            break
        }
        return found
    }
}
