import Foundation

/// Reads a batch file named on the command line, with a byte limit.
enum BatchFile {
    /// The largest batch accepted: 256 MiB, about three million URLs.
    static let byteLimit = 256 << 20

    /// The file's bytes, or a ``CLIError`` naming the file.
    static func read(_ path: String, limit: Int = byteLimit) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError(.badInput, "\(path): cannot open the file")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd(upToCount: limit + 1)
        } catch {
            throw CLIError(.badInput, "\(path): cannot read the file: \(error.localizedDescription)")
        }
        guard data.count <= limit else {
            throw CLIError(.badInput, "\(path): larger than \(limit >> 20) MiB; split the batch")
        }
        return [UInt8](data)
    }
}

extension FileHandle {
    fileprivate func readToEnd(upToCount limit: Int) throws -> Data {
        var data = Data()
        while data.count < limit, let chunk = try read(upToCount: min(1 << 20, limit - data.count)), !chunk.isEmpty {
            data.append(chunk)
        }
        return data
    }
}
