import Hummingbird
import LongarmCore
import LongarmStore

extension APIRequestContext {
    /// The positive integer path parameter `name`, or 400 naming it.
    func identifier(_ name: String) throws -> Int64 {
        let text = parameters.get(name) ?? ""
        guard let value = Int64(text), value > 0 else { throw APIError.badIdentifier(name, text) }
        return value
    }
}

extension LongarmStore {
    /// The case with `id`, or 404 naming it.
    func requireCase(_ id: Int64) throws -> CaseFile {
        guard let caseFile = try caseFile(id: id) else { throw APIError.notFound("case \(id): no such case") }
        return caseFile
    }
}
