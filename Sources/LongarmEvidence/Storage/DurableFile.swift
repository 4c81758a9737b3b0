import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a crash leaves either the old state or the complete new file, never half of one.
enum DurableFile {
    /// Writes `data` to a temporary file beside `destination`, fsyncs it, renames it into place and fsyncs
    /// the folder.
    static func write(_ data: Data, to destination: URL) throws {
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".tmp-\(UUID().uuidString)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ioError("cannot create", temporary) }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            try data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw ioError("cannot write", temporary)
                    }
                    offset += written
                }
            }
            guard fsync(fd) == 0 else { throw ioError("cannot fsync", temporary) }
            closed = true
            guard close(fd) == 0 else { throw ioError("cannot close", temporary) }
            guard rename(temporary.path, destination.path) == 0 else {
                throw ioError("cannot rename onto", destination)
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        try FolderSync.shared.sync(folder, using: syncFolder)
    }

    /// fsyncs a finished file written by someone else (a ZIP library), renames it onto `destination` and
    /// fsyncs the folder.
    static func commit(_ written: URL, to destination: URL) throws {
        let fd = open(written.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError("cannot open", written) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ioError("cannot fsync", written) }
        guard rename(written.path, destination.path) == 0 else { throw ioError("cannot rename onto", destination) }
        try syncFolder(destination.deletingLastPathComponent())
    }

    /// fsyncs a folder, so that a rename into it survives a crash.
    static func syncFolder(_ folder: URL) throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError("cannot open folder", folder) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ioError("cannot fsync folder", folder) }
    }

    private static func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    private static func ioError(_ what: String, _ url: URL) -> EvidenceError {
        EvidenceError(.io, "\(url.path): \(what): \(String(cString: strerror(errno)))")
    }
}
