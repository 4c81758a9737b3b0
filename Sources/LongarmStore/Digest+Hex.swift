import Crypto
import Foundation

extension Digest {
    /// The digest as lower-case hex, written into the string's own storage.
    var hexString: String {
        self.withUnsafeBytes { digest in
            String(unsafeUninitializedCapacity: digest.count * 2) { out in
                for (index, byte) in digest.enumerated() {
                    out[2 * index] = Self.hexDigit(byte >> 4)
                    out[2 * index + 1] = Self.hexDigit(byte & 0x0F)
                }
                return digest.count * 2
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
