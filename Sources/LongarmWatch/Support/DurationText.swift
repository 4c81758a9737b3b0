import Foundation

/// Durations as people write them on the command line and in the environment: `6h`, `30m`, `0s`, `2d`, `1h30m`,
/// `90` (seconds).
public enum DurationText {
    /// Parses `text`; throws a ``WatchError`` naming `input` (e.g. `--spacing`) when it is not a duration.
    public static func parse(_ text: String, input: String) throws -> Duration {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let seconds = Double(trimmed), seconds >= 0, seconds.isFinite {
            return .milliseconds(Int64(seconds * 1000))
        }
        var total = 0.0
        var number = ""
        var sawUnit = false
        for character in trimmed {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number), let unit = units[character] else {
                throw WatchError(
                    .badInput,
                    "\(input) \"\(text)\": not a duration (write e.g. 6h, 30m, 45s, 2d or 1h30m)"
                )
            }
            total += value * unit
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total.isFinite else {
            throw WatchError(.badInput, "\(input) \"\(text)\": not a duration (write e.g. 6h, 30m, 45s, 2d or 1h30m)")
        }
        return .milliseconds(Int64(total * 1000))
    }

    /// `duration` written back compactly (`6h`, `1h30m`, `45s`, `0s`).
    public static func format(_ duration: Duration) -> String {
        var seconds = Int64(duration.components.seconds)
        if seconds == 0 { return "0s" }
        var text = ""
        for (unit, size) in [("d", Int64(86400)), ("h", 3600), ("m", 60), ("s", 1)] where seconds >= size {
            text += "\(seconds / size)\(unit)"
            seconds %= size
        }
        return text
    }

    private static let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
}
