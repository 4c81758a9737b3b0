import Foundation
import LongarmCore

/// Turns a captured page into WARC records: `warcinfo`, then `request`, `response` and `metadata` per exchange.
struct CaptureWARCBuilder {
    /// The WARC, and per exchange the identifiers of its three records.
    struct Output {
        var writer: WARCWriter
        var recordIDs: [[String]]
    }

    static func build(_ page: CapturedPage, caseID: Int64, fileName: String, gzip: Bool) throws -> Output {
        var writer = WARCWriter(gzip: gzip)
        let date = CustodyEntry.timestamp(page.startedAt)
        let info =
            [
                "software: \(page.toolVersion)",
                "format: WARC File Format 1.1",
                "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                "isPartOf: case \(caseID)",
                "description: \(EvidenceCapture.staticMethod)",
                "http-header-user-agent: \(page.exchanges.first.flatMap { Self.userAgent($0.request) } ?? "")",
                "clock: \(page.clockSource)",
            ].joined(separator: "\r\n") + "\r\n"
        let warcinfo = WARCRecord(
            type: "warcinfo",
            date: date,
            fields: [("WARC-Filename", fileName)],
            contentType: "application/warc-fields",
            block: Data(info.utf8)
        )
        try writer.append(warcinfo)
        var ids: [[String]] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for (ordinal, exchange) in page.exchanges.enumerated() {
            let started = CustodyEntry.timestamp(exchange.startedAt)
            var common: [(name: String, value: String)] = [
                ("WARC-Target-URI", exchange.request.url), ("WARC-Warcinfo-ID", warcinfo.recordID),
            ]
            if let ip = exchange.primaryIP { common.append(("WARC-IP-Address", ip)) }
            let response = WARCRecord(
                type: "response",
                date: started,
                fields: common,
                contentType: "application/http;msgtype=response",
                block: responseHead(exchange) + exchange.body,
                payloadOffset: responseHead(exchange).count
            )
            let request = WARCRecord(
                type: "request",
                date: started,
                fields: common + [("WARC-Concurrent-To", response.recordID)],
                contentType: "application/http;msgtype=request",
                block: requestHead(exchange.request, raw: exchange.rawRequestHead) + (exchange.request.body ?? Data())
            )
            let facts = ExchangeMetadata(
                exchange: exchange,
                ordinal: ordinal,
                resolution: ordinal == 0 ? page.resolution : [],
                clockSource: page.clockSource
            )
            let metadata = WARCRecord(
                type: "metadata",
                date: started,
                fields: [("WARC-Target-URI", exchange.request.url), ("WARC-Concurrent-To", response.recordID)],
                contentType: "application/json",
                block: try encoder.encode(facts)
            )
            try writer.append(request)
            try writer.append(response, truncated: exchange.bodyTruncated ? "length" : nil)
            try writer.append(metadata)
            ids.append([request.recordID, response.recordID, metadata.recordID])
        }
        return Output(writer: writer, recordIDs: ids)
    }

    private static func userAgent(_ request: HTTPRequest) -> String? {
        request.headers.first { $0.name.caseInsensitiveCompare("User-Agent") == .orderedSame }?.value
    }

    /// The response head as received, lines joined by CRLF and ended by a blank line. A `Transfer-Encoding`
    /// header is renamed: the HTTP client hands over the decoded body, so the chunk framing is not in the record.
    static func responseHead(_ exchange: HTTPExchange) -> Data {
        var lines: [String]
        if let raw = exchange.rawResponseHead, !raw.isEmpty {
            lines = headLines(raw)
        } else {
            lines = ["\(exchange.httpVersion ?? "HTTP/1.1") \(exchange.status)"]
            lines += exchange.headers.map { "\($0.name): \($0.value)" }
        }
        lines = lines.map { line in
            line.lowercased().hasPrefix("transfer-encoding:") ? "X-Longarm-Orig-" + line : line
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// The lines of a raw head, split at LF with any CR dropped, trailing blank lines removed. Splitting is
    /// done on bytes: Swift treats CR LF as one character, so string splitting at "\n" would miss it.
    static func headLines(_ raw: String) -> [String] {
        var lines = raw.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func requestHead(_ request: HTTPRequest, raw: String?) -> Data {
        var lines: [String]
        if let raw, !raw.isEmpty {
            lines = headLines(raw)
        } else {
            let url = URLComponents(string: request.url)
            var target = url?.percentEncodedPath ?? "/"
            if target.isEmpty { target = "/" }
            if let query = url?.percentEncodedQuery { target += "?" + query }
            let host = (url?.percentEncodedHost ?? "") + (url?.port.map { ":\($0)" } ?? "")
            lines = ["\(request.method) \(target) HTTP/1.1", "Host: \(host)"]
            lines += request.headers.map { "\($0.name): \($0.value)" }
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }
}

/// The JSON block of a `metadata` record: what the HTTP exchange itself does not show.
struct ExchangeMetadata: Encodable {
    var ordinal: Int
    var url: String
    var status: Int
    var httpVersion: String?
    var primaryIP: String?
    var primaryPort: Int?
    var tlsVerified: Bool?
    var certificateChain: [String]
    var startedAt: String
    var totalSeconds: Double
    var bodyBytesKept: Int
    var bodyTruncated: Bool
    var resolution: [ResolutionFact]
    var clockSource: String
    var method = EvidenceCapture.staticMethod

    init(exchange: HTTPExchange, ordinal: Int, resolution: [ResolutionFact], clockSource: String) {
        self.ordinal = ordinal
        url = exchange.request.url
        status = exchange.status
        httpVersion = exchange.httpVersion
        primaryIP = exchange.primaryIP
        primaryPort = exchange.primaryPort
        tlsVerified = exchange.tlsVerified
        certificateChain = exchange.certificateChain
        startedAt = CustodyEntry.timestamp(exchange.startedAt)
        totalSeconds = exchange.totalSeconds
        bodyBytesKept = exchange.body.count
        bodyTruncated = exchange.bodyTruncated
        self.resolution = resolution
        self.clockSource = clockSource
    }
}
