public import Foundation

/// One record as read back from a WARC file, for verification.
public struct WARCReadRecord: Sendable {
    /// Byte offset of `WARC/1.1` in the file.
    public var offset: Int
    /// The named fields, in order.
    public var fields: [(name: String, value: String)]
    /// The block bytes.
    public var block: Data

    /// The value of field `name` (case-insensitive).
    public func field(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The HTTP payload: the block after the first blank line, for `application/http` blocks; else the block.
    public var payload: Data {
        guard field("Content-Type")?.hasPrefix("application/http") == true else { return block }
        guard let end = block.firstRange(of: Data([0x0D, 0x0A, 0x0D, 0x0A])) else { return Data() }
        return block[end.upperBound...]
    }
}

/// Reads uncompressed WARC files record by record; strict about framing, so that damage shows.
public enum WARCReader {
    /// The records of `data` (plain, or gzip members as in `.warc.gz`), or an error naming the offset where
    /// the framing broke. For gzip files a record's offset is that of its member, as `warcio index` gives it.
    public static func records(in data: Data, name: String) throws -> [WARCReadRecord] {
        guard data.starts(with: [0x1F, 0x8B]) else { return try plainRecords(in: data, name: name) }
        var records: [WARCReadRecord] = []
        for member in try GzipMember.members(of: data, name: name) {
            for var record in try plainRecords(in: member.data, name: "\(name) (member at \(member.offset))") {
                record.offset = member.offset
                records.append(record)
            }
        }
        return records
    }

    private static func plainRecords(in data: Data, name: String) throws -> [WARCReadRecord] {
        var records: [WARCReadRecord] = []
        var position = data.startIndex
        let blank = Data([0x0D, 0x0A, 0x0D, 0x0A])
        while position < data.endIndex {
            let offset = position - data.startIndex
            guard let headEnd = data[position...].firstRange(of: blank) else {
                throw EvidenceError(.badInput, "\(name): record at offset \(offset) has no end of header")
            }
            let head = String(decoding: data[position..<headEnd.lowerBound], as: UTF8.self)
            var lines = head.components(separatedBy: "\r\n")
            guard lines.first?.hasPrefix("WARC/") == true else {
                throw EvidenceError(.badInput, "\(name): offset \(offset) does not start a WARC record")
            }
            lines.removeFirst()
            var fields: [(name: String, value: String)] = []
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else {
                    throw EvidenceError(
                        .badInput,
                        "\(name): record at offset \(offset) has a malformed line \"\(line)\""
                    )
                }
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                fields.append((String(line[..<colon]), value))
            }
            let lengthText = fields.first { $0.name.caseInsensitiveCompare("Content-Length") == .orderedSame }?.value
            guard let lengthText, let length = Int(lengthText), length >= 0,
                headEnd.upperBound + length + 4 <= data.endIndex
            else {
                throw EvidenceError(.badInput, "\(name): record at offset \(offset) has a bad Content-Length")
            }
            let blockEnd = headEnd.upperBound + length
            guard data[blockEnd..<(blockEnd + 4)].elementsEqual(blank) else {
                throw EvidenceError(.badInput, "\(name): record at offset \(offset) does not end with CRLF CRLF")
            }
            records.append(
                WARCReadRecord(offset: offset, fields: fields, block: Data(data[headEnd.upperBound..<blockEnd]))
            )
            position = blockEnd + 4
        }
        return records
    }
}
