import Foundation

/// Reads JSON Lines batches: one object per line with a string `url` and optional string (or null) `kind` and
/// `note`. Blank lines are skipped; CRLF line ends and a UTF-8 byte order mark are accepted.
struct JSONLinesBatchReader {
    let content: [UInt8]
    let source: String

    func read() -> BatchReader.Result {
        var rows: [BatchRow] = []
        var errors: [BatchRowError] = []
        var bytes = content[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lineNumber = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            let text = String(decoding: line, as: UTF8.self)
            if text.trimmingSpaces().isEmpty { continue }
            switch parse(line) {
            case .success(let row):
                rows.append(BatchRow(line: lineNumber, url: row.url, kind: row.kind, note: row.note))
            case .failure(let problem):
                let error = IntakeError(.badRow, input: text, detail: problem.detail)
                errors.append(BatchRowError(source: source, line: lineNumber, error: error))
            }
        }
        return BatchReader.Result(rows: rows, errors: errors)
    }

    private struct Fields {
        var url: String
        var kind: String?
        var note: String?
    }

    private struct Problem: Error {
        var detail: String
    }

    private func parse(_ line: ArraySlice<UInt8>) -> Result<Fields, Problem> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            return .failure(Problem(detail: "not valid JSON"))
        }
        guard let dictionary = object as? [String: Any] else {
            return .failure(Problem(detail: "not a JSON object"))
        }
        guard let url = dictionary["url"] as? String else {
            return .failure(Problem(detail: dictionary["url"] == nil ? "lacks \"url\"" : "\"url\" is not a string"))
        }
        var optional: [String: String] = [:]
        for key in ["kind", "note"] {
            switch dictionary[key] {
            case nil, is NSNull: continue
            case let value as String:
                let trimmed = value.trimmingSpaces()
                if !trimmed.isEmpty { optional[key] = trimmed }
            default: return .failure(Problem(detail: "\"\(key)\" is not a string"))
            }
        }
        return .success(Fields(url: url, kind: optional["kind"], note: optional["note"]))
    }
}
