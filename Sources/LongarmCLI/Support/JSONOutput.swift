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
}
