import CGZip
import Foundation

/// gzip members (RFC 1952), one per WARC record in `.warc.gz` files, so readers can seek to any record.
enum GzipMember {
    /// `data` as one complete gzip member.
    static func compress(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard cgzip_deflate_init(&stream, 6) == Z_OK else { throw failure("deflate init") }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, UInt(data.count))) + 32)
        let produced: Int = try data.withUnsafeBytes { input in
            try output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { throw failure("deflate") }
                return Int(stream.total_out)
            }
        }
        return output.prefix(produced)
    }

    /// Splits a file of concatenated gzip members into (offset of the member, its inflated bytes).
    static func members(of data: Data, name: String) throws -> [(offset: Int, data: Data)] {
        var members: [(Int, Data)] = []
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            var stream = z_stream()
            guard cgzip_inflate_init(&stream) == Z_OK else { throw failure("inflate init") }
            defer { inflateEnd(&stream) }
            var inflated = Data()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var status: Int32 = Z_OK
            try bytes.withUnsafeBufferPointer { input in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + offset)
                stream.avail_in = uInt(input.count - offset)
                repeat {
                    status = chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = uInt(out.count)
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    guard status == Z_OK || status == Z_STREAM_END else {
                        throw EvidenceError(.badInput, "\(name): damaged gzip member at offset \(offset)")
                    }
                    inflated.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                } while status != Z_STREAM_END && (stream.avail_in > 0 || stream.avail_out == 0)
            }
            guard status == Z_STREAM_END else {
                throw EvidenceError(.badInput, "\(name): gzip member at offset \(offset) is cut short")
            }
            members.append((offset, inflated))
            offset += Int(stream.total_in)
        }
        return members
    }

    private static func failure(_ step: String) -> EvidenceError {
        EvidenceError(.io, "zlib \(step) failed")
    }
}
