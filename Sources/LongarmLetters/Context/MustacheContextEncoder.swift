import Foundation

/// The one place where a typed context becomes the loosely typed value Mustache renders.
///
/// The value is encoded with its `Codable` conformance and rebuilt from plain strings, numbers, booleans, arrays
/// and dictionaries: nothing in it can be a lambda, so no value is ever evaluated as template source.
enum MustacheContextEncoder {
    static func encode(_ value: some Encodable) throws -> [String: Any] {
        try TreeEncoder.tree(value) as? [String: Any] ?? [:]
    }

    /// Every key, at any depth, of the encoded value: what templates may name.
    static func keyPaths(_ value: some Encodable) throws -> Set<String> {
        let json = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(value))
        var keys: Set<String> = []
        json.collectKeys(into: &keys)
        return keys
    }
}

/// A decoded JSON value.
enum JSONValue: Decodable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var native: Any? {
        switch self {
        case .string(let text): text
        case .number(let number): number == number.rounded() ? Int(number) : number
        case .bool(let bool): bool
        case .array(let items): items.compactMap(\.native)
        case .object(let fields): fields.compactMapValues(\.native)
        case .null: nil
        }
    }

    func collectKeys(into keys: inout Set<String>) {
        switch self {
        case .array(let items): for item in items { item.collectKeys(into: &keys) }
        case .object(let fields):
            for (key, value) in fields {
                keys.insert(key)
                value.collectKeys(into: &keys)
            }
        default: break
        }
    }
}
