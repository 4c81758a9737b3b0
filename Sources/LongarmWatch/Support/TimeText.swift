public import Foundation

/// Times as people write them for `--at`: ISO 8601 (`2026-03-01T09:30:00Z`, with fractional seconds or an offset)
/// or a date alone (`2026-03-01`, midnight UTC).
public enum TimeText {
    /// Parses `text`; throws a ``WatchError`` naming `input` when it is not a time.
    public static func parse(_ text: String, input: String) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for options in [
            ISO8601DateFormatter.Options.withInternetDateTime,
            [.withInternetDateTime, .withFractionalSeconds],
            [.withFullDate],
        ] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: trimmed) { return date }
        }
        throw WatchError(
            .badInput,
            "\(input) \"\(text)\": not a time (write e.g. 2026-03-01T09:30:00Z or 2026-03-01)"
        )
    }
}
