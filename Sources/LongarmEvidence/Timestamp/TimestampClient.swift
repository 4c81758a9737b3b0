public import Foundation
public import LongarmCore

/// Asks an RFC 3161 time-stamping authority for a token over a SHA-256 digest, through ``HTTPFetching``.
public struct TimestampClient: Sendable {
    private let fetcher: any HTTPFetching
    private let timeout: Duration

    /// Creates a client.
    public init(fetcher: any HTTPFetching, timeout: Duration = .seconds(30)) {
        self.fetcher = fetcher
        self.timeout = timeout
    }

    /// POSTs a `TimeStampReq` for `digestHex` to `tsaURL` and returns the DER `TimeStampResp`, after checking
    /// that it is granted, covers `digestHex` and echoes the nonce.
    public func timestamp(digestHex: String, tsaURL: String) async throws -> Data {
        guard let digest = Self.bytes(hex: digestHex), digest.count == 32 else {
            throw EvidenceError(.badInput, "\(digestHex): not a SHA-256 digest in hex")
        }
        let request = TimeStampRequest(digest: digest)
        let exchange = try await fetcher.fetch(
            HTTPRequest(
                url: tsaURL,
                method: "POST",
                headers: [HTTPHeader("Content-Type", "application/timestamp-query")],
                body: try request.derEncoded(),
                maxBodyBytes: 1 << 20,
                timeout: timeout
            )
        )
        guard exchange.status == 200 else {
            throw EvidenceError(.badResponse, "\(tsaURL): time-stamping authority answered HTTP \(exchange.status)")
        }
        let response = try TimeStampResponse(derEncoded: exchange.body)
        guard response.granted else {
            let text = response.statusText.joined(separator: "; ")
            throw EvidenceError(.badResponse, "\(tsaURL): request refused (status \(response.status)) \(text)")
        }
        guard response.hashedMessage == digest else {
            throw EvidenceError(.badResponse, "\(tsaURL): token covers a different digest than asked")
        }
        guard response.nonce == TimeStampResponse.nonceBytes(request.nonce) else {
            throw EvidenceError(.badResponse, "\(tsaURL): token does not echo the request's nonce")
        }
        return exchange.body
    }

    /// Bytes of a hex string, or `nil`.
    static func bytes(hex: String) -> [UInt8]? {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let byte = UInt8(String(decoding: utf8[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            out.append(byte)
            index += 2
        }
        return out
    }
}
