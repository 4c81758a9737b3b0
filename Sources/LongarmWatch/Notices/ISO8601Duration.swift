/// ISO 8601 durations as the rules data writes deadlines: `PT48H`, `P7D`, `P2W`, `P1DT12H`, `PT90M`.
///
/// Years and months are taken as 365 and 30 days: a deadline is a date to look again, not a calendar sum.
public enum ISO8601Duration {
    /// The duration `text` denotes, or `nil` when it is not an ISO 8601 duration.
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text.uppercased())
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var total = 0.0
        var inTime = false
        var number = ""
        var sawPart = false
        var sawTimePart = false
        for character in rest {
            if character == "T" {
                guard number.isEmpty, !inTime else { return nil }
                inTime = true
                continue
            }
            if character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
                continue
            }
            guard let value = Double(number) else { return nil }
            let unit: Double
            switch (character, inTime) {
            case ("Y", false): unit = 365 * 86400
            case ("M", false): unit = 30 * 86400
            case ("W", false): unit = 7 * 86400
            case ("D", false): unit = 86400
            case ("H", true): unit = 3600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: return nil
            }
            total += value * unit
            number = ""
            sawPart = true
            if inTime { sawTimePart = true }
        }
        guard sawPart, number.isEmpty, !inTime || sawTimePart else { return nil }
        return .milliseconds(Int64(total * 1000))
    }
}
