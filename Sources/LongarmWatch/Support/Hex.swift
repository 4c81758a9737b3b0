import Crypto
import Foundation

/// Lower-case hexadecimal SHA-256, without `String(format:)` per byte (re-checks hash thousands of bodies a second).
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func sha256(_ data: Data) -> String {
        let digest = SHA256.hash(data: data)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
