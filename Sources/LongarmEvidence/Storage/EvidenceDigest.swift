public import Crypto
public import Foundation

/// SHA-256 in the spellings evidence needs: hex for files and manifests, base32 for WARC headers.
public enum EvidenceDigest {
    /// SHA-256 of `data`, lower-case hex.
    public static func hex(_ data: some DataProtocol) -> String {
        hex(digest: SHA256.hash(data: data))
    }

    /// Lower-case hex of a finished digest.
    public static func hex(digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `sha256:` and the RFC 4648 base32 of the digest, upper-case with padding: the WARC convention that
    /// `warcio check` compares against.
    public static func warcLabel(_ data: some DataProtocol) -> String {
        warcLabel(digest: SHA256.hash(data: data))
    }

    /// The WARC label of a finished digest.
    public static func warcLabel(digest: SHA256.Digest) -> String {
        "sha256:" + base32(Array(digest))
    }

    /// SHA-256 of a file, read in 1 MiB pieces.
    public static func hex(fileAt url: URL) throws -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw EvidenceError(.io, "\(url.path): cannot open for reading")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hex(digest: hasher.finalize())
    }

    /// RFC 4648 base32 with `=` padding.
    static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
        var out = [UInt8]()
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
        return String(decoding: out, as: UTF8.self)
    }
}
