public import Foundation
import SwiftASN1

/// The parts of an RFC 3161 `TimeStampResp` that verification needs: status, imprint, time, nonce.
///
/// The signature itself is checked with `openssl ts -verify` (see docs/evidence.md); this parser confirms
/// that the token answers our question: a granted status over the digest we asked about.
public struct TimeStampResponse: Sendable, Hashable {
    /// PKIStatus: 0 granted, 1 granted with modifications, 2 rejection, 3 waiting, 4/5 revocation.
    public var status: Int
    /// The authority's status text, if any.
    public var statusText: [String]
    /// The hash algorithm OID of the imprint (`2.16.840.1.101.3.4.2.1` for SHA-256).
    public var hashAlgorithm: String?
    /// The digest the token covers.
    public var hashedMessage: [UInt8]?
    /// The token's time (`genTime`).
    public var generatedAt: Date?
    /// The nonce echoed, big-endian without leading zeros.
    public var nonce: [UInt8]?
    /// The token's policy OID.
    public var policy: String?

    /// True for status 0 or 1.
    public var granted: Bool { status == 0 || status == 1 }

    /// Parses a DER `TimeStampResp`.
    public init(derEncoded data: Data) throws {
        do {
            let root = try DER.parse(Array(data))
            let top = try Self.children(root)
            guard let statusInfo = top.first else { throw Self.bad("empty TimeStampResp") }
            let statusNodes = try Self.children(statusInfo)
            guard let statusNode = statusNodes.first else { throw Self.bad("PKIStatusInfo has no status") }
            status = try Int(derEncoded: statusNode)
            statusText = []
            if statusNodes.count > 1, statusNodes[1].identifier == .sequence {
                statusText = try Self.children(statusNodes[1]).compactMap {
                    try? String(ASN1UTF8String(derEncoded: $0))
                }
            }
            guard top.count > 1 else { return }
            // ContentInfo { contentType signedData, [0] EXPLICIT SignedData }
            let contentInfo = try Self.children(top[1])
            guard contentInfo.count == 2,
                try ASN1ObjectIdentifier(derEncoded: contentInfo[0]) == TimeStampOIDs.signedData
            else { throw Self.bad("token is not CMS SignedData") }
            guard let signedData = try Self.children(contentInfo[1]).first else { throw Self.bad("empty [0]") }
            // SignedData { version, digestAlgorithms, encapContentInfo, … }
            let signed = try Self.children(signedData)
            guard signed.count >= 3 else { throw Self.bad("SignedData too short") }
            let encap = try Self.children(signed[2])
            guard encap.count == 2, try ASN1ObjectIdentifier(derEncoded: encap[0]) == TimeStampOIDs.tstInfo,
                let octets = try Self.children(encap[1]).first
            else { throw Self.bad("encapsulated content is not TSTInfo") }
            let tstBytes = try ASN1OctetString(derEncoded: octets).bytes
            let tst = try Self.children(try DER.parse(tstBytes))
            // TSTInfo { version, policy, messageImprint, serialNumber, genTime, accuracy?, ordering?, nonce?, … }
            guard tst.count >= 5 else { throw Self.bad("TSTInfo too short") }
            policy = String(describing: try ASN1ObjectIdentifier(derEncoded: tst[1]))
            let imprint = try Self.children(tst[2])
            guard imprint.count == 2 else { throw Self.bad("messageImprint malformed") }
            hashAlgorithm = String(describing: try ASN1ObjectIdentifier(derEncoded: try Self.children(imprint[0])[0]))
            hashedMessage = Array(try ASN1OctetString(derEncoded: imprint[1]).bytes)
            let time = try GeneralizedTime(derEncoded: tst[4])
            var components = DateComponents(
                calendar: Calendar(identifier: .gregorian),
                timeZone: TimeZone(identifier: "UTC"),
                year: time.year,
                month: time.month,
                day: time.day,
                hour: time.hours,
                minute: time.minutes,
                second: time.seconds
            )
            components.nanosecond = Int(time.fractionalSeconds * 1e9)
            generatedAt = components.date
            if let nonceNode = tst.dropFirst(5).first(where: { $0.identifier == .integer }),
                case .primitive(let bytes) = nonceNode.content
            {
                nonce = Array(bytes.drop { $0 == 0 })
            }
        } catch let error as EvidenceError {
            throw error
        } catch {
            throw Self.bad("\(error)")
        }
    }

    /// The nonce of `request` in the form ``nonce`` holds.
    public static func nonceBytes(_ nonce: UInt64) -> [UInt8] {
        withUnsafeBytes(of: nonce.bigEndian) { Array($0) }.drop { $0 == 0 }.map { $0 }
    }

    private static func children(_ node: ASN1Node) throws -> [ASN1Node] {
        guard case .constructed(let nodes) = node.content else { throw bad("expected a constructed node") }
        return Array(nodes)
    }

    private static func bad(_ detail: String) -> EvidenceError {
        EvidenceError(.badResponse, "time-stamp response: \(detail)")
    }
}
