import Foundation
import Synchronization

/// Prints one JSON array on stdout an element at a time, byte for byte as ``JSONOutput/print(_:)`` prints the
/// whole array: a command that stores thousands of values prints each batch as it comes instead of keeping them
/// all for one `encode`.
final class JSONArrayStream: Sendable {
    private let state = Mutex(State())
    private let write: @Sendable (Data) -> Void

    private struct State {
        var elements = 0
        var closed = false
    }

    /// A stream to stdout, or to `write` (tests collect the bytes).
    init(write: @escaping @Sendable (Data) -> Void = { FileHandle.standardOutput.write($0) }) {
        self.write = write
    }

    /// Prints `values` as the array's next elements; the opening bracket comes with the first.
    func append<Value: Encodable>(contentsOf values: [Value]) throws {
        guard !values.isEmpty else { return }
        let encoder = JSONOutput.makeEncoder()
        var chunk = Data()
        try state.withLock { state in
            precondition(!state.closed, "JSON array stream appended to after close")
            for value in values {
                chunk.append(contentsOf: Array((state.elements == 0 ? "[\n" : ",\n").utf8))
                Self.appendIndented(try encoder.encode(value), to: &chunk)
                state.elements += 1
            }
            write(chunk)
        }
    }

    /// Ends the array (an empty one when nothing was appended) and the document's line.
    func close() {
        state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            write(Data((state.elements == 0 ? "[\n\n]\n" : "\n]\n").utf8))
        }
    }

    /// The pretty-printed `element` one level deeper, as the encoder nests it inside an array: two spaces before
    /// every line but the empty ones (the inside of an empty array or object).
    private static func appendIndented(_ element: Data, to chunk: inout Data) {
        var lineStart = true
        for byte in element {
            if lineStart, byte != 0x0A { chunk.append(contentsOf: [0x20, 0x20]) }
            chunk.append(byte)
            lineStart = byte == 0x0A
        }
    }
}
