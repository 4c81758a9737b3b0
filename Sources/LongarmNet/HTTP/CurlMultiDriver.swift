import CCurl
import Foundation
import Synchronization

/// One thread that drives every transfer of a ``CurlHTTPClient`` through a libcurl multi handle.
///
/// Callers hand transfers over through a locked inbox and wake the thread (`curl_multi_wakeup`); only the driver
/// thread touches the multi handle and the easy handles while they run, so libcurl is never used concurrently.
final class CurlMultiDriver: Sendable {
    private struct Inbox {
        var pending: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var stopping = false
    }

    // The multi handle, used only on the driver thread after `init` (wakeup is the documented exception).
    private nonisolated(unsafe) let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())

    /// Creates the driver; `hostConnections` caps the connections libcurl opens to one destination.
    init(hostConnections: Int = CurlHTTPClient.connectionsPerHost) {
        _ = CurlGlobal.initialised
        multi = curl_multi_init()
        _ = longarm_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, CurlHTTPClient.connectionCache)
        // Queue rather than open a connection per request: kept-alive connections skip TCP and TLS set-up.
        _ = longarm_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, hostConnections)
        let thread = Thread { [self] in self.run() }
        thread.name = "longarm.net.curl"
        thread.start()
    }

    /// Queues `transfer` to start on the driver thread.
    func submit(_ transfer: CurlTransfer) {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping else { return false }
            inbox.pending.append(transfer)
            return true
        }
        if accepted {
            curl_multi_wakeup(multi)
        } else {
            transfer.fail(CancellationError())
        }
    }

    /// Asks the driver thread to abandon `transfer`, which then ends with `CancellationError`.
    func cancel(_ transfer: CurlTransfer) {
        inbox.withLock { $0.cancelled.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Ends the driver thread; transfers still running end with `CancellationError`.
    func stop() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
    }

    private func run() {
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        var running: Int32 = 0
        while true {
            let (pending, cancelled, stopping) = inbox.withLock { inbox in
                defer {
                    inbox.pending.removeAll()
                    inbox.cancelled.removeAll()
                }
                return (inbox.pending, inbox.cancelled, inbox.stopping)
            }
            for transfer in pending {
                active[transfer.handle] = transfer
                curl_multi_add_handle(multi, transfer.handle)
            }
            for transfer in cancelled where active.removeValue(forKey: transfer.handle) != nil {
                curl_multi_remove_handle(multi, transfer.handle)
                transfer.fail(CancellationError())
            }
            if stopping {
                for transfer in active.values {
                    curl_multi_remove_handle(multi, transfer.handle)
                    transfer.fail(CancellationError())
                }
                curl_multi_cleanup(multi)
                return
            }
            curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                var result = CURLE_OK
                guard let handle = longarm_curl_msg_handle(message, &result),
                    let transfer = active.removeValue(forKey: handle)
                else { continue }
                curl_multi_remove_handle(multi, handle)
                transfer.finish(result)
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }
}

/// libcurl's process-wide initialisation, done once before the first handle.
enum CurlGlobal {
    static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
}
