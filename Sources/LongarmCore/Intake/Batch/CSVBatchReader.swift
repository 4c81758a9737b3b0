/// Reads CSV (RFC 4180) batches: a header row naming the columns (`url`, optional `kind` and `note`, any order),
/// quoted fields with commas, doubled quotes and line breaks inside, LF or CRLF line ends, and a UTF-8 byte order
/// mark. Blank lines are skipped. A row whose field count differs from the header's is rejected.
struct CSVBatchReader {
    let content: [UInt8]
    let source: String

    private struct Record {
        var fields: [String]
        /// Where the record's text lies in the content, without its line end; made a string only for errors.
        var rawRange: Range<Int>
        var line: Int
        var problem: String?
    }

    private struct Columns {
        var url: Int
        var kind: Int?
        var note: Int?
        var count: Int
    }

    func read() -> BatchReader.Result {
        var scanner = Scanner(content: content)
        var columns: Columns? = nil
        var rows: [BatchRow] = []
        var errors: [BatchRowError] = []
        while let record = scanner.next() {
            if record.rawRange.isEmpty && record.fields == [""] { continue }
            if let problem = record.problem {
                errors.append(error(record, problem))
                continue
            }
            guard let known = columns else {
                switch header(record) {
                case .success(let parsed): columns = parsed
                case .failure(let failure):
                    // Without a header no row can be read: report once and stop.
                    return BatchReader.Result(rows: [], errors: [failure])
                }
                continue
            }
            guard record.fields.count == known.count else {
                let problem = "row has \(record.fields.count) fields, the header has \(known.count)"
                errors.append(error(record, problem))
                continue
            }
            func column(_ index: Int?) -> String? {
                guard let index else { return nil }
                let value = record.fields[index].trimmingSpaces()
                return value.isEmpty ? nil : value
            }
            rows.append(
                BatchRow(
                    line: record.line,
                    url: record.fields[known.url],
                    kind: column(known.kind),
                    note: column(known.note)
                )
            )
        }
        if columns == nil && errors.isEmpty {
            errors.append(
                BatchRowError(source: source, line: 1, error: IntakeError(.badRow, input: "", detail: "empty file"))
            )
        }
        return BatchReader.Result(rows: rows, errors: errors)
    }

    private func header(_ record: Record) -> Swift.Result<Columns, BatchRowError> {
        let names = record.fields.map { $0.trimmingSpaces().lowercased() }
        var columns = Columns(url: -1, kind: nil, note: nil, count: names.count)
        for (index, name) in names.enumerated() {
            switch name {
            case "url" where columns.url < 0: columns.url = index
            case "kind" where columns.kind == nil: columns.kind = index
            case "note" where columns.note == nil: columns.note = index
            case "url", "kind", "note":
                return .failure(error(record, "header names column \"\(name)\" twice"))
            default:
                if name.contains("://") {
                    return .failure(error(record, "no header row; the first line must be url[,kind,note]"))
                }
                return .failure(error(record, "unknown column \"\(name)\"; the header is url[,kind,note]"))
            }
        }
        guard columns.url >= 0 else { return .failure(error(record, "header lacks the url column")) }
        return .success(columns)
    }

    private func error(_ record: Record, _ problem: String) -> BatchRowError {
        BatchRowError(
            source: source,
            line: record.line,
            error: IntakeError(
                .badRow,
                input: String(decoding: content[record.rawRange], as: UTF8.self),
                detail: problem
            )
        )
    }

    /// Splits the bytes into records, counting physical lines.
    private struct Scanner {
        let content: [UInt8]
        var index = 0
        var line = 1

        init(content: [UInt8]) {
            self.content = content
            if content.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func next() -> Record? {
            guard index < content.count else { return nil }
            let start = index
            let startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var problem: String? = nil
            var atFieldStart = true
            var rawEnd = content.count
            var invalidUTF8 = false
            func finish(_ field: [UInt8]) {
                if let text = String(validating: field, as: UTF8.self) {
                    fields.append(text)
                } else {
                    invalidUTF8 = true
                    fields.append(String(decoding: field, as: UTF8.self))
                }
            }
            scan: while index < content.count {
                let byte = content[index]
                if atFieldStart && byte == UInt8(ascii: "\"") {
                    index += 1
                    atFieldStart = false
                    var closed = false
                    while index < content.count {
                        let inner = content[index]
                        index += 1
                        if inner == UInt8(ascii: "\"") {
                            if index < content.count && content[index] == UInt8(ascii: "\"") {
                                field.append(inner)
                                index += 1
                                continue
                            }
                            closed = true
                            break
                        }
                        if inner == 0x0A { line += 1 }
                        field.append(inner)
                    }
                    if !closed {
                        problem = "quoted field is not closed"
                        break scan
                    }
                    if index < content.count, ![UInt8(ascii: ","), 0x0A, 0x0D].contains(content[index]) {
                        problem = problem ?? "text after a closing quote"
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: ","):
                    finish(field)
                    field.removeAll(keepingCapacity: true)
                    atFieldStart = true
                    index += 1
                case 0x0A, 0x0D:
                    rawEnd = index
                    index += 1
                    if byte == 0x0D, index < content.count, content[index] == 0x0A { index += 1 }
                    line += 1
                    break scan
                default:
                    field.append(byte)
                    atFieldStart = false
                    index += 1
                }
            }
            rawEnd = min(rawEnd, index)
            finish(field)
            if invalidUTF8 { problem = problem ?? "not valid UTF-8" }
            return Record(fields: fields, rawRange: start..<rawEnd, line: startLine, problem: problem)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(self[first...last])
    }
}
