/// Runs each keyed computation at most once per run: concurrent callers of the same key share one
/// in-flight task, later callers get the stored result.
///
/// This is how resolution looks each registrable domain and each network up once, however many URLs
/// share them.
actor SingleFlight<Key: Hashable & Sendable, Value: Sendable> {
    private var tasks: [Key: Task<Value, Never>] = [:]

    /// The number of distinct keys computed so far.
    var count: Int { tasks.count }

    /// The value for `key`, computing it with `body` only if no caller has asked for it yet.
    func value(for key: Key, _ body: @escaping @Sendable () async -> Value) async -> Value {
        if let task = tasks[key] { return await task.value }
        let task = Task { await body() }
        tasks[key] = task
        return await task.value
    }

    /// The value already stored or in flight for `key`, if any.
    func existing(_ key: Key) async -> Value? {
        guard let task = tasks[key] else { return nil }
        return await task.value
    }
}
