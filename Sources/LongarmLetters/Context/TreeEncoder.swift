import Foundation

/// An `Encoder` that builds plain Swift values (`[String: Any]`, `[Any]`, `String`, `Bool`, numbers) directly,
/// without a JSON round trip. Only ``MustacheContextEncoder`` uses it.
final class TreeEncoder: Encoder {
    /// A box the containers write into, so nested containers can fill their parent after the fact.
    ///
    /// Objects and arrays are kept in typed fields (not in `value`) so that adding a key or an element mutates
    /// them in place instead of copying them out of an `Any` and back.
    final class Node {
        var value: Any?
        var object: [String: Node]?
        var array: [Node]?
        init(_ value: Any? = nil) { self.value = value }

        static func object() -> Node {
            let node = Node()
            node.object = [:]
            return node
        }

        static func array() -> Node {
            let node = Node()
            node.array = []
            return node
        }

        var resolved: Any? {
            if let object { return object.compactMapValues(\.resolved) }
            if let array { return array.compactMap(\.resolved) }
            return value
        }
    }

    let node: Node
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(node: Node) { self.node = node }

    static func tree(_ value: some Encodable) throws -> Any? {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root))
        return root.resolved
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.object == nil {
            node.object = [:]
            node.array = nil
        }
        return KeyedEncodingContainer(Keyed<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.array == nil {
            node.array = []
            node.object = nil
        }
        return Unkeyed(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }

    static func box(_ value: some Encodable) throws -> Node {
        switch value {
        case let text as String: return Node(text)
        case let flag as Bool: return Node(flag)
        case let number as Int: return Node(number)
        case let number as Int64: return Node(Int(number))
        case let number as Double: return Node(number)
        default:
            let child = Node()
            try value.encode(to: TreeEncoder(node: child))
            return child
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] = []

        private func set(_ child: Node, _ key: Key) {
            if node.object == nil { node.object = [:] }
            node.object?[key.stringValue] = child
        }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: some Encodable, forKey key: Key) throws { set(try TreeEncoder.box(value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type,
            forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let child = Node.object()
            set(child, key)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Node.array()
            set(child, key)
            return Unkeyed(node: child)
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(node: node) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = Node()
            set(child, key)
            return TreeEncoder(node: child)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] = []
        var count: Int { node.array?.count ?? 0 }

        private func append(_ child: Node) {
            if node.array == nil { node.array = [] }
            node.array?.append(child)
        }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: some Encodable) throws { append(try TreeEncoder.box(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            let child = Node.object()
            append(child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node.array()
            append(child)
            return Unkeyed(node: child)
        }

        mutating func superEncoder() -> any Encoder {
            let child = Node()
            append(child)
            return TreeEncoder(node: child)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws { node.value = nil }
        mutating func encode(_ value: some Encodable) throws {
            let boxed = try TreeEncoder.box(value)
            node.value = boxed.value
            node.object = boxed.object
            node.array = boxed.array
        }
    }
}
