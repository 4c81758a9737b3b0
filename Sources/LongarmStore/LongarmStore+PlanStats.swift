import GRDB

extension LongarmStore {
    /// How much the stored plans take: rows and bytes of plan JSON, and of the shared fragments they name.
    public struct PlanStorage: Sendable, Hashable {
        /// Plan rows.
        public var plans: Int
        /// Bytes of JSON in the plan rows.
        public var planBytes: Int
        /// Shared fragments.
        public var fragments: Int
        /// Bytes of JSON in the fragments.
        public var fragmentBytes: Int
    }

    /// The size of the stored plans, for benchmarks and `longarm rules bench`.
    public func planStorage() throws -> PlanStorage {
        try writer.read { db in
            let plans = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(sum(length(json)), 0) FROM plan")
            let fragments = try Row.fetchOne(
                db,
                sql: "SELECT count(*), coalesce(sum(length(json)), 0) FROM plan_fragment"
            )
            return PlanStorage(
                plans: plans?[0] ?? 0,
                planBytes: plans?[1] ?? 0,
                fragments: fragments?[0] ?? 0,
                fragmentBytes: fragments?[1] ?? 0
            )
        }
    }
}
