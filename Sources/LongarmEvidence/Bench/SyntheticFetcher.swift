import Foundation
public import LongarmCore

/// An in-memory "server" for the capture benchmark: every URL answers 200 with a fixed-size body.
///
/// Only for measuring what Longarm itself costs (hashing, WARC writing, fsync, SQLite); the figures it gives
/// exclude the network and are labelled so.
public struct SyntheticFetcher: HTTPFetching {
    private let body: Data

    /// A fetcher whose bodies are `size` bytes of varied text.
    public init(bodySize size: Int) {
        var bytes = [UInt8](repeating: 0, count: size)
        var state: UInt32 = 2_463_534_242
        for index in bytes.indices {
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            bytes[index] = 0x20 + UInt8(state % 95)
        }
        body = Data(bytes)
    }

    public func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
        // Each page differs in its first bytes, so the content store cannot deduplicate them away.
        var page = Data(request.url.utf8)
        page.append(body.prefix(max(0, body.count - page.count)))
        return HTTPExchange(
            request: request,
            status: 200,
            rawResponseHead: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: \(page.count)\r\n\r\n",
            headers: [HTTPHeader("Content-Type", "text/html"), HTTPHeader("Content-Length", "\(page.count)")],
            body: page,
            httpVersion: "HTTP/1.1",
            primaryIP: "127.0.0.1",
            primaryPort: 80
        )
    }
}
