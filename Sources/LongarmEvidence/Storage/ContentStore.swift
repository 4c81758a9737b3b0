public import Foundation
import Logging

/// Bodies stored by their SHA-256 under `<data>/objects/ab/cdef…`, written durably and deduplicated.
public struct ContentStore: Sendable {
    /// The `objects` folder.
    public let root: URL
    private let logger = Logger(label: "longarm.evidence.store")

    /// A store under `dataDirectory/objects`.
    public init(dataDirectory: URL) {
        root = dataDirectory.appendingPathComponent("objects", isDirectory: true)
    }

    /// Where the object with `digest` (hex) lives.
    public func location(of digest: String) -> URL {
        root.appendingPathComponent(String(digest.prefix(2)), isDirectory: true)
            .appendingPathComponent(String(digest.dropFirst(2)))
    }

    /// The path of an object relative to the data directory, as manifests write it.
    public func relativePath(of digest: String) -> String {
        "objects/\(digest.prefix(2))/\(digest.dropFirst(2))"
    }

    /// Stores `data` and returns its digest (hex). An object already present is verified, not rewritten;
    /// a new one is read back after the write and checked.
    @discardableResult
    public func put(_ data: Data) throws -> String {
        let digest = EvidenceDigest.hex(data)
        let url = location(of: digest)
        if FileManager.default.fileExists(atPath: url.path) {
            if (try? EvidenceDigest.hex(fileAt: url)) == digest { return digest }
            // A damaged copy is kept beside the object, not overwritten: it is evidence of the damage.
            let aside = url.deletingLastPathComponent()
                .appendingPathComponent("\(url.lastPathComponent).damaged-\(UUID().uuidString.prefix(8))")
            try FileManager.default.moveItem(at: url, to: aside)
            logger.warning(
                "content store object did not match its name; kept aside",
                metadata: ["evidence.object": "\(relativePath(of: digest))", "evidence.aside": "\(aside.path)"]
            )
        }
        try DurableFile.write(data, to: url)
        let readBack = try EvidenceDigest.hex(fileAt: url)
        guard readBack == digest else {
            throw EvidenceError(.integrity, "\(url.path): read back as \(readBack), wrote \(digest)")
        }
        return digest
    }

    /// The bytes of the object with `digest`, checked against it.
    public func get(_ digest: String) throws -> Data {
        let url = location(of: digest)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw EvidenceError(.io, "\(relativePath(of: digest)): missing from the content store")
        }
        let actual = EvidenceDigest.hex(data)
        guard actual == digest else {
            throw EvidenceError(.integrity, "\(relativePath(of: digest)): content hashes to \(actual)")
        }
        return data
    }

    /// The digest the object's current bytes hash to, or `nil` when the file is missing.
    public func currentDigest(of digest: String) throws -> String? {
        let url = location(of: digest)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try EvidenceDigest.hex(fileAt: url)
    }
}
