public import Foundation

/// A JSON value read without a schema: RDAP servers add members freely, so the parser walks the tree itself.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Reads any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Writes the value back as JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, or `nil` for any other kind of value.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number as an integer (also from a numeric string), or `nil`.
    public var intValue: Int? {
        switch self {
        case .number(let value): return value.rounded() == value ? Int(exactly: value) : nil
        case .string(let value): return Int(value.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// The elements of an array; an empty array for any other kind of value.
    public var arrayValue: [JSONValue] {
        if case .array(let value) = self { return value }
        return []
    }

    /// The strings of an array of strings, skipping other elements; a lone string gives one element.
    public var stringArray: [String] {
        if case .string(let value) = self { return [value] }
        return arrayValue.compactMap(\.stringValue)
    }

    /// True for an object.
    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// Follows a dotted path (`registrar.name`, `entities.0.roles`) through objects and arrays.
    public func value(atPath path: String) -> JSONValue? {
        var current: JSONValue? = self
        for component in path.split(separator: ".") {
            guard let value = current else { return nil }
            if case .array(let elements) = value, let index = Int(component) {
                current = elements.indices.contains(index) ? elements[index] : nil
            } else {
                current = value[String(component)]
            }
        }
        return current
    }

    /// Parses JSON text. `JSONSerialization` is used rather than `Decodable`, whose failed attempts at each type
    /// make schema-less decoding of a large RDAP document many times slower.
    public static func parse(_ data: Data) throws -> JSONValue {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return JSONValue(any: object)
    }

    private static let booleanType = type(of: NSNumber(value: true))

    private init(any value: Any) {
        switch value {
        case let dictionary as [String: Any]:
            self = .object(dictionary.mapValues { JSONValue(any: $0) })
        case let array as [Any]:
            self = .array(array.map { JSONValue(any: $0) })
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            self = type(of: number) == Self.booleanType ? .bool(number.boolValue) : .number(number.doubleValue)
        default:
            self = .null
        }
    }

    /// Encodes any value with Longarm's JSON conventions and reads it back as a tree.
    public static func encoding(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try parse(encoder.encode(value))
    }
}
