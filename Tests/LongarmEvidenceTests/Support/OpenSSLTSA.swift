import Foundation
import LongarmCore
import Testing

/// A throw-away time-stamping authority made by Tests/Internet/make-tsa.sh.
struct OpenSSLTSA {
    let folder: URL
    var caFile: String { folder.appendingPathComponent("ca.pem").path }

    init(in parent: URL) throws {
        folder = parent.appendingPathComponent("tsa")
        let script = Tools.packageRoot.appendingPathComponent("Tests/Internet/make-tsa.sh").path
        let made = try Tools.run("bash", [script, folder.path])
        try #require(made.status == 0, "make-tsa.sh failed: \(made.output)")
    }

    /// `openssl ts -verify -data FILE -in TOKEN -CAfile ca.pem`.
    func verify(data: URL, token: URL) throws -> (status: Int32, output: String) {
        try Tools.run("openssl", ["ts", "-verify", "-data", data.path, "-in", token.path, "-CAfile", caFile])
    }
}

/// The HTTP edge of a time-stamping authority, faked honestly: the query bytes go to `openssl ts -reply`,
/// whose answer comes back as the response body. The real client and tsa.py replace it in integration tests.
struct OpenSSLTSAFetcher: HTTPFetching {
    let tsa: OpenSSLTSA

    func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
        #expect(request.method == "POST")
        #expect(request.headers.contains { $0.name == "Content-Type" && $0.value == "application/timestamp-query" })
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tsq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let query = scratch.appendingPathComponent("q.tsq")
        let reply = scratch.appendingPathComponent("r.tsr")
        try (request.body ?? Data()).write(to: query)
        let result = try Tools.run(
            "openssl",
            [
                "ts", "-reply", "-config", tsa.folder.appendingPathComponent("tsa.cnf").path, "-queryfile", query.path,
                "-out", reply.path,
            ]
        )
        guard result.status == 0 else {
            return HTTPExchange(request: request, status: 500, body: Data(result.output.utf8))
        }
        return HTTPExchange(
            request: request,
            status: 200,
            headers: [HTTPHeader("Content-Type", "application/timestamp-reply")],
            body: try Data(contentsOf: reply)
        )
    }
}
