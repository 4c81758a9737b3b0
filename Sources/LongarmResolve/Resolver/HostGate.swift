/// Caps the requests in flight to each server: registries throttle clients that open too many at once.
actor HostGate {
    private let limit: Int
    private var active: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Creates a gate admitting `limit` concurrent requests per host.
    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a slot at `host`.
    func enter(_ host: String) async {
        if active[host, default: 0] < limit {
            active[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    /// Frees a slot at `host`, handing it to the next waiter if there is one.
    func leave(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        } else {
            active[host, default: 1] -= 1
        }
    }
}
