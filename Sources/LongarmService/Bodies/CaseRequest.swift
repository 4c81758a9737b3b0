import Foundation
import LongarmCore

/// The body of `POST /v1/cases`: what `longarm case new` and `case set` take.
struct CaseRequest: Decodable {
    var holder: String
    var kind: String
    var holderCountry: String?
    var title: String?
    var work: String?
    var particulars: LetterParticulars?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case holder, kind, holderCountry, title, work, particulars
    }

    /// The fields accepted, including those of `particulars` (read from `LetterParticulars` itself, so that a field
    /// added there is accepted here).
    static let shape = JSONBody.Shape(
        fields: Set(CodingKeys.allCases.map(\.rawValue)),
        nested: ["particulars": JSONBody.Shape(fields: particularFields)]
    )

    static var particularFields: Set<String> {
        Set(Mirror(reflecting: LetterParticulars()).children.compactMap(\.label))
    }

    /// The case to store, or the first value the service cannot accept.
    func caseFile(now: Date) throws -> CaseFile {
        let holder = holder.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !holder.isEmpty else { throw APIError.invalidValue("holder", "must not be empty") }
        let kind: InfringementKind
        do {
            kind = try InfringementKind(parsing: self.kind)
        } catch {
            throw APIError.invalidValue("kind", "\"\(self.kind)\" is not a kind; use one of \(Self.kinds)")
        }
        var country: CountryCode?
        if let holderCountry {
            guard let code = CountryCode(lenient: holderCountry) else {
                throw APIError.invalidValue("holderCountry", "\"\(holderCountry)\" is not an ISO 3166-1 alpha-2 code")
            }
            country = code
        }
        return CaseFile(
            holder: holder,
            kind: kind,
            holderCountry: country,
            title: title.flatMap { $0.isEmpty ? nil : $0 },
            work: work.flatMap { $0.isEmpty ? nil : $0 },
            createdAt: now,
            particulars: particulars ?? LetterParticulars()
        )
    }

    static var kinds: String { InfringementKind.allCases.map(\.rawValue).joined(separator: ", ") }
}
