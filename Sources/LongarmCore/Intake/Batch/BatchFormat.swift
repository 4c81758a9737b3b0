/// The file formats `longarm submit --from` reads.
public enum BatchFormat: String, Sendable, Hashable, CaseIterable {
    /// Comma-separated values with a header row naming `url` and optionally `kind` and `note`.
    case csv
    /// One JSON object per line: `{"url": …, "kind": …, "note": …}`.
    case jsonLines = "jsonl"

    /// The format of a file: by extension (`.csv`; `.jsonl`, `.ndjson`, `.json`), else by content (a first
    /// non-blank character `{` means JSON Lines, anything else CSV).
    public static func detect(fileName: String, content: [UInt8]) -> BatchFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") { return .jsonLines }
        var bytes = content[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        return first == UInt8(ascii: "{") ? .jsonLines : .csv
    }
}
