import CCurl
import Foundation
import LongarmCore

extension CurlTransfer {
    /// Turns libcurl's result and the handle's infos into an ``HTTPTransfer``, or the error a person reads.
    func makeTransfer(_ result: CURLcode) throws -> HTTPTransfer {
        let label = "\(request.method) \(request.url)"
        if let refusedAddress {
            throw NetError(
                .privateAddressRefused,
                "\(label): the host resolves to \(refusedAddress); refused without --allow-private-targets"
            )
        }
        if result != CURLE_OK && !(result == CURLE_WRITE_ERROR && truncated) {
            let detail =
                String(cString: errorBuffer).isEmpty
                ? String(cString: curl_easy_strerror(result)) : String(cString: errorBuffer)
            throw NetError(Self.code(for: result), "\(label): \(detail)")
        }
        let scheme = string(CURLINFO_SCHEME)?.lowercased()
        let head = responseHead.joined()
        let exchange = HTTPExchange(
            request: request,
            rawRequestHead: requestHead.isEmpty ? nil : requestHead,
            status: long(CURLINFO_RESPONSE_CODE),
            rawResponseHead: head.isEmpty ? nil : head,
            headers: Self.parseHeaders(responseHead),
            body: body,
            bodyTruncated: truncated,
            httpVersion: Self.versionName(long(CURLINFO_HTTP_VERSION)),
            primaryIP: string(CURLINFO_PRIMARY_IP).flatMap { $0.isEmpty ? nil : $0 },
            primaryPort: long(CURLINFO_PRIMARY_PORT) == 0 ? nil : long(CURLINFO_PRIMARY_PORT),
            certificateChain: certificates(),
            tlsVerified: scheme == "https" ? !insecureCapture : nil,
            startedAt: startedAt,
            totalSeconds: seconds(CURLINFO_TOTAL_TIME_T)
        )
        let timings = HTTPTimings(
            nameLookup: seconds(CURLINFO_NAMELOOKUP_TIME_T),
            connect: seconds(CURLINFO_CONNECT_TIME_T),
            tlsHandshake: seconds(CURLINFO_APPCONNECT_TIME_T),
            firstByte: seconds(CURLINFO_STARTTRANSFER_TIME_T),
            total: seconds(CURLINFO_TOTAL_TIME_T)
        )
        return HTTPTransfer(exchange: exchange, timings: timings, insecureCapture: insecureCapture)
    }

    /// The headers of the final response head, in order; folded continuation lines are joined.
    static func parseHeaders(_ lines: [String]) -> [HTTPHeader] {
        var headers: [HTTPHeader] = []
        for line in lines.dropFirst() {
            let text = Substring(trimmed(Substring(line), newlinesOnly: true))
            if text.isEmpty { break }
            if text.first == " " || text.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + trimmed(Substring(text))
                continue
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            headers.append(HTTPHeader(String(text[..<colon]), trimmed(text[text.index(after: colon)...])))
        }
        return headers
    }

    // Header lines are trimmed by hand: Foundation's trimmingCharacters cost a tenth of a re-check's CPU.
    private static func trimmed(_ text: Substring, newlinesOnly: Bool = false) -> String {
        func strip(_ character: Character) -> Bool {
            character == "\r" || character == "\n" || character == "\r\n"
                || (!newlinesOnly && (character == " " || character == "\t"))
        }
        var slice = text
        while let first = slice.first, strip(first) { slice = slice.dropFirst() }
        while let last = slice.last, strip(last) { slice = slice.dropLast() }
        return String(slice)
    }

    static func versionName(_ version: Int) -> String? {
        switch version {
        case 1: "HTTP/1.0"
        case 2: "HTTP/1.1"
        case 3: "HTTP/2"
        case 30: "HTTP/3"
        default: nil
        }
    }

    static func code(for result: CURLcode) -> NetError.Code {
        switch result {
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .connectionFailed
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE: .tlsVerificationFailed
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: .invalidAddress
        default: .transferFailed
        }
    }

    private func certificates() -> [String] {
        var info: UnsafeMutablePointer<curl_certinfo>?
        guard longarm_curl_getinfo_certinfo(handle, &info) == CURLE_OK, let info, let lists = info.pointee.certinfo
        else { return [] }
        var chain: [String] = []
        for index in 0..<Int(info.pointee.num_of_certs) {
            var node = lists[index]
            while let current = node {
                if let data = current.pointee.data {
                    let entry = String(cString: data)
                    if entry.hasPrefix("Cert:") { chain.append(String(entry.dropFirst("Cert:".count))) }
                }
                node = current.pointee.next
            }
        }
        return chain
    }

    private func long(_ info: CURLINFO) -> Int {
        var value = 0
        return longarm_curl_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    private func string(_ info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard longarm_curl_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    private func seconds(_ info: CURLINFO) -> Double {
        var value: curl_off_t = 0
        return longarm_curl_getinfo_off_t(handle, info, &value) == CURLE_OK ? Double(value) / 1_000_000 : 0
    }
}
