public import Foundation
import SwiftASN1

/// An RFC 3161 `TimeStampReq` for a SHA-256 digest: version 1, the message imprint, a nonce, certReq true.
public struct TimeStampRequest: Sendable, Hashable {
    /// The SHA-256 digest (32 bytes) to be time-stamped.
    public var digest: [UInt8]
    /// The nonce the authority must echo.
    public var nonce: UInt64

    /// Creates a request for `digest` with a random nonce.
    public init(digest: [UInt8], nonce: UInt64 = UInt64.random(in: 1...UInt64.max)) {
        self.digest = digest
        self.nonce = nonce
    }

    /// The DER encoding, the body of an `application/timestamp-query` POST.
    public func derEncoded() throws -> Data {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { request in
            try request.serialize(1)
            try Self.serializeImprint(digest, into: &request)
            try request.serialize(nonce)
            try request.serialize(true)
        }
        return Data(serializer.serializedBytes)
    }

    /// `MessageImprint ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING }`.
    static func serializeImprint(_ digest: [UInt8], into coder: inout DER.Serializer) throws {
        try coder.appendConstructedNode(identifier: .sequence) { imprint in
            try imprint.appendConstructedNode(identifier: .sequence) { algorithm in
                try algorithm.serialize(TimeStampOIDs.sha256)
                try algorithm.serialize(ASN1Null())
            }
            try imprint.serialize(ASN1OctetString(contentBytes: ArraySlice(digest)))
        }
    }
}

/// Object identifiers of RFC 3161 and CMS.
enum TimeStampOIDs {
    /// id-sha256, 2.16.840.1.101.3.4.2.1.
    static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
    /// id-signedData, 1.2.840.113549.1.7.2.
    static let signedData: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 7, 2]
    /// id-ct-TSTInfo, 1.2.840.113549.1.9.16.1.4.
    static let tstInfo: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 16, 1, 4]
}
