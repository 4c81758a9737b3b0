import CCurl
import Foundation
import LongarmCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The state of one libcurl easy transfer: options, the buffers its callbacks fill, and its continuation.
///
/// Set up on the caller's thread, then touched only by the driver thread (callbacks and completion), which is
/// what `@unchecked Sendable` rests on; the continuation is guarded by a mutex so it resumes exactly once.
final class CurlTransfer: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    let request: HTTPRequest
    let insecureCapture: Bool
    let addressGuard: PrivateAddressGuard?
    let startedAt = Date()
    var body = Data()
    var truncated = false
    var responseHead: [String] = []
    var requestHead = ""
    var refusedAddress: String?
    var lists: [UnsafeMutablePointer<curl_slist>] = []
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private let continuation = Mutex<CheckedContinuation<HTTPTransfer, any Error>?>(nil)

    /// Prepares an easy handle for `request`; `addressGuard` is `nil` when no check applies (a connect-to
    /// rule covers the URL, or private targets are allowed).
    init(
        request: HTTPRequest,
        configuration: NetConfiguration,
        addressGuard: PrivateAddressGuard?,
        insecureCapture: Bool
    ) throws {
        _ = CurlGlobal.initialised
        guard let handle = curl_easy_init() else {
            throw NetError(.transferFailed, "\(request.method) \(request.url): libcurl could not create a handle")
        }
        self.handle = handle
        self.request = request
        self.insecureCapture = insecureCapture
        self.addressGuard = addressGuard
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(configuration)
    }

    deinit {
        curl_easy_cleanup(handle)
        for list in lists { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    /// Stores the continuation that ``finish(_:)`` or ``fail(_:)`` resumes.
    func attach(_ continuation: CheckedContinuation<HTTPTransfer, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    /// Ends the transfer with `error`.
    func fail(_ error: any Error) {
        continuation.withLock { $0.take() }?.resume(throwing: error)
    }

    /// Ends the transfer with libcurl's `result`, reading the response facts from the handle.
    func finish(_ result: CURLcode) {
        let outcome = Result { try makeTransfer(result) }
        continuation.withLock { $0.take() }?.resume(with: outcome)
    }

    private func configure(_ configuration: NetConfiguration) throws {
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        try set(CURLOPT_URL, string: request.url)
        try set(CURLOPT_PROTOCOLS_STR, string: "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_NOSIGNAL, 1)
        // The operator's --timeout caps every request, whatever limit the caller asked for.
        let timeout = min(request.timeout, configuration.timeout)
        try set(CURLOPT_TIMEOUT_MS, max(1, Int(timeout.seconds * 1000)))
        try set(CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(min(configuration.connectTimeout, timeout).seconds * 1000)))
        try set(CURLOPT_USERAGENT, string: configuration.userAgent)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        if let caFile = configuration.caFile { try set(CURLOPT_CAINFO, string: caFile) }
        if insecureCapture {
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if request.captureCertificates || insecureCapture {
            // Certificate details only exist for a new connection, never for a reused one.
            try set(CURLOPT_CERTINFO, 1)
            try set(CURLOPT_FRESH_CONNECT, 1)
        }
        try setList(CURLOPT_CONNECT_TO, configuration.connectTo.map(\.description))
        // "Expect:" stops curl from waiting for 100-continue before sending a POST body.
        try setList(CURLOPT_HTTPHEADER, request.headers.map { "\($0.name): \($0.value)" } + ["Expect:"])
        try configureMethod()

        try set(CURLOPT_WRITEDATA, pointer: userdata)
        try check(
            longarm_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, userdata in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
                return transfer.receiveBody(data, size * count)
            },
            "CURLOPT_WRITEFUNCTION"
        )
        try set(CURLOPT_HEADERDATA, pointer: userdata)
        try check(
            longarm_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, userdata in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
                transfer.receiveHeaderLine(data, size * count)
                return size * count
            },
            "CURLOPT_HEADERFUNCTION"
        )
        // The debug callback is the only place libcurl shows the request head exactly as written; verbose tracing
        // formats every step of the transfer, so it is on only when the head is wanted.
        if request.recordRequestHead {
            try set(CURLOPT_VERBOSE, 1)
            try set(CURLOPT_DEBUGDATA, pointer: userdata)
            try check(
                longarm_curl_setopt_debug_callback(handle) { _, type, data, size, userdata in
                    guard type == CURLINFO_HEADER_OUT, let data, let userdata else { return 0 }
                    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
                    transfer.requestHead += String(
                        decoding: UnsafeRawBufferPointer(start: data, count: size),
                        as: UTF8.self
                    )
                    return 0
                },
                "CURLOPT_DEBUGFUNCTION"
            )
        }
        if addressGuard != nil {
            try set(CURLOPT_OPENSOCKETDATA, pointer: userdata)
            try check(
                longarm_curl_setopt_opensocket_callback(handle) { userdata, _, address in
                    guard let userdata, let address else { return -1 }
                    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
                    return transfer.openSocket(address)
                },
                "CURLOPT_OPENSOCKETFUNCTION"
            )
        }
    }

    private func configureMethod() throws {
        switch request.method.uppercased() {
        case "GET" where request.body == nil:
            try set(CURLOPT_HTTPGET, 1)
        case "HEAD":
            try set(CURLOPT_NOBODY, 1)
        default:
            if request.method.uppercased() != "POST" {
                try set(CURLOPT_CUSTOMREQUEST, string: request.method)
            }
            let body = request.body ?? Data()
            try check(
                longarm_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)),
                "CURLOPT_POSTFIELDSIZE_LARGE"
            )
            // COPYPOSTFIELDS copies the bytes during the call, so the Data need not outlive it.
            if body.isEmpty {
                try set(CURLOPT_COPYPOSTFIELDS, string: "")
            } else {
                try body.withUnsafeBytes { raw in
                    try set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: raw.baseAddress!))
                }
            }
        }
    }

    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        guard let data, length > 0 else { return 0 }
        let room = request.maxBodyBytes - body.count
        if length <= room {
            body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
            return length
        }
        if room > 0 { body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: room) }
        truncated = true
        return 0  // a short count makes libcurl stop the transfer (CURLE_WRITE_ERROR), which finish() accepts
    }

    private func receiveHeaderLine(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) {
        guard let data else { return }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        // A new status line starts a new head (after 100 Continue); keep the final one.
        if line.hasPrefix("HTTP/") { responseHead = [] }
        responseHead.append(line)
    }

    private func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        let family = address.pointee.family
        let offset = MemoryLayout<curl_sockaddr>.offset(of: \curl_sockaddr.addr)!
        let raw = UnsafeRawPointer(address).advanced(by: offset)
        var ip: IPAddress?
        if family == AF_INET {
            var value = raw.loadUnaligned(as: sockaddr_in.self).sin_addr
            ip = IPAddress(bytes: withUnsafeBytes(of: &value) { Array($0) })
        } else if family == AF_INET6 {
            var value = raw.loadUnaligned(as: sockaddr_in6.self).sin6_addr
            ip = IPAddress(bytes: withUnsafeBytes(of: &value) { Array($0) })
        }
        if let addressGuard, let ip, !addressGuard.permits(ip) {
            refusedAddress = "\(ip) (\(PrivateAddressGuard.classify(ip).scope.rawValue))"
            return -1
        }
        return socket(family, address.pointee.socktype, address.pointee.protocol)
    }
}

extension CurlTransfer {
    fileprivate func set(_ option: CURLoption, _ value: Int) throws {
        try check(longarm_curl_setopt_long(handle, option, value), "option \(option.rawValue)")
    }

    fileprivate func set(_ option: CURLoption, string: String) throws {
        try check(longarm_curl_setopt_string(handle, option, string), "option \(option.rawValue)")
    }

    fileprivate func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer) throws {
        try check(longarm_curl_setopt_pointer(handle, option, pointer), "option \(option.rawValue)")
    }

    fileprivate func setList(_ option: CURLoption, _ values: [String]) throws {
        guard !values.isEmpty else { return }
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values { list = curl_slist_append(list, value) }
        guard let list else { return }
        lists.append(list)  // libcurl keeps the pointer; freed in deinit
        try check(longarm_curl_setopt_slist(handle, option, list), "option \(option.rawValue)")
    }

    fileprivate func check(_ code: CURLcode, _ what: String) throws {
        guard code == CURLE_OK else {
            throw NetError(
                .transferFailed,
                "\(request.method) \(request.url): libcurl refused \(what): \(String(cString: curl_easy_strerror(code)))"
            )
        }
    }
}
