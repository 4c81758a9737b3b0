import LongarmCore

/// A cursor over a DNS message that decodes integers, compressed names and resource records.
struct DNSReader {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func read8() throws -> UInt8 {
        guard offset < bytes.count else { throw Self.short(offset) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func read16() throws -> UInt16 {
        guard offset + 2 <= bytes.count else { throw Self.short(offset) }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func read32() throws -> UInt32 {
        UInt32(try read16()) << 16 | UInt32(try read16())
    }

    /// Reads a possibly compressed name at the cursor.
    mutating func readName() throws -> String {
        var end: Int?
        let name = try Self.name(in: bytes, at: offset, end: &end)
        offset = end ?? offset
        return name
    }

    /// Decodes a name starting at `start`; `end` receives the offset after its in-place part.
    ///
    /// Loops are impossible: each compression pointer must point strictly before every position visited so
    /// far, and the name may not exceed 255 bytes.
    static func name(in bytes: [UInt8], at start: Int, end: inout Int?) throws -> String {
        var labels: [String] = []
        var position = start
        var lowest = start
        var length = 1
        while true {
            guard position < bytes.count else { throw short(position) }
            let byte = bytes[position]
            switch byte & 0xC0 {
            case 0xC0:
                guard position + 1 < bytes.count else { throw short(position) }
                let pointer = Int(byte & 0x3F) << 8 | Int(bytes[position + 1])
                if end == nil { end = position + 2 }
                guard pointer < lowest else {
                    throw NetError(
                        .malformedResponse,
                        "DNS message: compression pointer at byte \(position) to \(pointer) does not point backwards"
                    )
                }
                lowest = pointer
                position = pointer
            case 0x00:
                let count = Int(byte)
                if count == 0 {
                    if end == nil { end = position + 1 }
                    return labels.joined(separator: ".")
                }
                guard position + 1 + count <= bytes.count else { throw short(position) }
                length += count + 1
                guard length <= 255 else {
                    throw NetError(.malformedResponse, "DNS message: name at byte \(start) is longer than 255 bytes")
                }
                labels.append(DNSName.present(bytes[(position + 1)...(position + count)]))
                position += 1 + count
            default:
                throw NetError(.malformedResponse, "DNS message: unknown label type 0x\(String(byte, radix: 16))")
            }
        }
    }

    /// Reads one resource record; `nil` for a type or class Longarm does not use (skipped).
    mutating func readRecord() throws -> DNSRecord? {
        let name = try readName()
        let rawType = try read16()
        let recordClass = try read16()
        let ttl = try read32()
        let length = Int(try read16())
        let dataStart = offset
        guard dataStart + length <= bytes.count else { throw Self.short(dataStart) }
        defer { offset = dataStart + length }
        guard recordClass == 1, let type = DNSRecordType(rawValue: rawType) else { return nil }
        let data = try presentData(type: type, start: dataStart, length: length)
        return DNSRecord(name: name, type: type, ttl: ttl, data: data)
    }

    private func presentData(type: DNSRecordType, start: Int, length: Int) throws -> String {
        let slice = Array(bytes[start..<(start + length)])
        switch type {
        case .a, .aaaa:
            guard slice.count == (type == .a ? 4 : 16), let address = IPAddress(bytes: slice) else {
                throw NetError(.malformedResponse, "DNS message: \(type) record of \(slice.count) bytes")
            }
            return address.description
        case .cname, .ns:
            var end: Int?
            return try Self.name(in: bytes, at: start, end: &end)
        case .txt:
            var strings: [String] = []
            var index = 0
            while index < slice.count {
                let count = Int(slice[index])
                guard index + 1 + count <= slice.count else { throw Self.short(start + index) }
                strings.append(String(decoding: slice[(index + 1)..<(index + 1 + count)], as: UTF8.self))
                index += 1 + count
            }
            return strings.joined()
        case .soa:
            var reader = DNSReader(bytes: bytes)
            reader.offset = start
            let primary = try reader.readName()
            let mailbox = try reader.readName()
            let numbers = try (0..<5).map { _ in String(try reader.read32()) }
            return ([primary, mailbox] + numbers).joined(separator: " ")
        }
    }

    private static func short(_ offset: Int) -> NetError {
        NetError(.malformedResponse, "DNS message ends early (at byte \(offset))")
    }
}
