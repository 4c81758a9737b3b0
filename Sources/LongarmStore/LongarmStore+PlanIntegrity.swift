import Crypto
import Foundation
import GRDB
import LongarmCore

extension LongarmStore {
    /// Something wrong with a stored plan: a row whose bytes differ from its custody entry's digest, or a
    /// fragment it names that is missing or whose bytes differ from the digest it is stored under.
    public struct PlanIntegrityProblem: Sendable, Hashable {
        /// What is wrong where: `plan 12`, `plan fragment 3f2a…`.
        public var location: String
        /// The sentence to print.
        public var problem: String
        /// The digest recorded.
        public var expected: String
        /// The digest of the bytes found (or `missing`).
        public var found: String
    }

    /// Checks every plan row of case `caseID`: the SHA-256 of the row's JSON against its custody entry's digest
    /// and, for rows with shared parts (formats 4 and 5), each fragment named against its key, and that the plan
    /// reads.
    public func planIntegrityProblems(caseID: Int64) throws -> [PlanIntegrityProblem] {
        try writer.read { db in
            var digests: [String: String] = [:]
            let entries = try Row.fetchCursor(
                db,
                sql: "SELECT object, digest FROM custody WHERE action = 'plan' ORDER BY seq"
            )
            while let entry = try entries.next() { digests[entry[0]] = entry[1] }
            var problems: [PlanIntegrityProblem] = []
            var checked: [String: Bool] = [:]
            var reader = PlanReader()
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT p.* FROM plan p JOIN target t ON t.id = p.targetId WHERE t.caseId = ? ORDER BY p.id",
                arguments: [caseID]
            )
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                let json: Data = row["json"]
                let format: Int = row["format"] ?? 3
                let found = SHA256.hash(data: json).hexString
                let recorded = digests["plan:\(id)"] ?? "no custody entry"
                if found != recorded {
                    problems.append(
                        PlanIntegrityProblem(
                            location: "plan \(id)",
                            problem: "stored plan differs from the digest in the custody log",
                            expected: recorded,
                            found: found
                        )
                    )
                }
                if format == 4 || format == 5 {
                    for key in (try? Self.fragmentKeys(json)) ?? [] where checked[key] == nil {
                        let bytes = try Data.fetchOne(
                            db,
                            sql: "SELECT json FROM plan_fragment WHERE sha256 = ?",
                            arguments: [key]
                        )
                        let digest = bytes.map { SHA256.hash(data: $0).hexString } ?? "missing"
                        checked[key] = digest == key
                        if digest != key {
                            problems.append(
                                PlanIntegrityProblem(
                                    location: "plan fragment \(key) (named by plan \(id))",
                                    problem: bytes == nil ? "plan fragment missing" : "plan fragment changed",
                                    expected: key,
                                    found: digest
                                )
                            )
                        }
                    }
                }
                do {
                    _ = try reader.plan(json, format: format, db)
                } catch {
                    problems.append(
                        PlanIntegrityProblem(
                            location: "plan \(id)",
                            problem: "stored plan cannot be read (\(error))",
                            expected: "a plan",
                            found: "unreadable"
                        )
                    )
                }
            }
            return problems
        }
    }

    /// The fragment digests a plan row names: `fragment` keys in format 4, `frame` keys in format 5.
    private static func fragmentKeys(_ json: Data) throws -> [String] {
        struct Keys: Decodable {
            struct Rung: Decodable {
                var fragment: String?
                var frame: String?
            }
            var fragment: String?
            var frame: String?
            var rungs: [Rung]
        }
        let keys = try jsonDecoder.decode(Keys.self, from: json)
        return ([keys.fragment ?? keys.frame] + keys.rungs.map { $0.fragment ?? $0.frame }).compactMap { $0 }
    }
}
