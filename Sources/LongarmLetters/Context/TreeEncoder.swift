import Foundation

/// An `Encoder` that builds plain Swift values (`[String: Any]`, `[Any]`, `String`, `Bool`, numbers) directly,
/// without a JSON round trip. Only ``MustacheContextEncoder`` uses it.
final class TreeEncoder: Encoder {
    /// A box the containers write into, so nested containers can fill their parent after the fact.
    final class Node {
        var value: Any?
        init(_ value: Any? = nil) { self.value = value }

        var resolved: Any? {
            switch value {
            case let object as [String: Node]: object.compactMapValues(\.resolved)
            case let array as [Node]: array.compactMap(\.resolved)
            default: value
            }
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
        if !(node.value is [String: Node]) { node.value = [String: Node]() }
        return KeyedEncodingContainer(Keyed<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if !(node.value is [Node]) { node.value = [Node]() }
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
            var object = node.value as? [String: Node] ?? [:]
            object[key.stringValue] = child
            node.value = object
        }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: some Encodable, forKey key: Key) throws { set(try TreeEncoder.box(value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type,
            forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let child = Node([String: Node]())
            set(child, key)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Node([Node]())
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
        var count: Int { (node.value as? [Node])?.count ?? 0 }

        private func append(_ child: Node) {
            var array = node.value as? [Node] ?? []
            array.append(child)
            node.value = array
        }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: some Encodable) throws { append(try TreeEncoder.box(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            let child = Node([String: Node]())
            append(child)
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node([Node]())
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
        mutating func encode(_ value: some Encodable) throws { node.value = try TreeEncoder.box(value).resolved }
    }
}
