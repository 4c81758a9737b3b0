import Foundation

/// Writes values to stdout as the CLI contract's JSON: sorted keys, ISO 8601 dates, one document.
enum JSONOutput {
    static let encoder = makeEncoder()

    /// A fresh encoder with the CLI's settings (encoders are not shared between threads).
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Prints `value` as one JSON document followed by a newline.
    static func print(_ value: some Encodable) throws {
        var data = try encoder.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    /// Prints `values` as one JSON array, the same bytes ``print(_:)`` would write, with the elements encoded
    /// concurrently: one encoder takes seconds for 10,000 hosting profiles.
    static func printArray<Element: Encodable & Sendable>(_ values: [Element]) async throws {
        FileHandle.standardOutput.write(try await encodeArray(values))
    }

    /// The document ``printArray(_:)`` writes, newline included.
    static func encodeArray<Element: Encodable & Sendable>(_ values: [Element]) async throws -> Data {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, values.count / 256))
        guard workers > 1 else {
            var data = try encoder.encode(values)
            data.append(0x0A)
            return data
        }
        let size = (values.count + workers - 1) / workers
        let parts = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for start in stride(from: 0, to: values.count, by: size) {
                let slice = Array(values[start..<min(start + size, values.count)])
                group.addTask {
                    let encoder = makeEncoder()
                    var out: [UInt8] = []
                    for (offset, value) in slice.enumerated() {
                        if start + offset > 0 { out.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
                        indent(try encoder.encode(value), into: &out)
                    }
                    return (start, Data(out))
                }
            }
            var parts: [(Int, Data)] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var document = Data("[\n".utf8)
        for part in parts { document.append(part) }
        document.append(contentsOf: Array("\n]\n".utf8))
        return document
    }

    /// Appends `element` with two spaces before each of its lines, as the pretty printer nests array elements.
    private static func indent(_ element: Data, into out: inout [UInt8]) {
        // Pretty-printed JSON escapes newlines inside strings, so every 0x0A ends a line; the blank line inside an
        // empty array or object stays blank. No reserveCapacity per element: a slightly larger request each time
        // reallocates exactly and turns the array's amortised doubling into quadratic copying.
        element.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            while lineStart < bytes.count {
                var end = lineStart
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                if end < bytes.count { end += 1 }
                if bytes[lineStart] != 0x0A { out.append(contentsOf: [0x20, 0x20]) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]))
                lineStart = end
            }
        }
    }
}
