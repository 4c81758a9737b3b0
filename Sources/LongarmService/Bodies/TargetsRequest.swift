import Foundation
import LongarmCore

/// The body of `POST /v1/cases/{id}/targets`: URLs as plain strings, or rows with their own kind and note.
struct TargetsRequest: Decodable {
    /// One row with its own kind and note.
    struct Row: Decodable {
        var url: String
        var kind: String?
        var note: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case url, kind, note
        }
    }

    /// When the targets are resolved.
    enum Resolve: String, Decodable, CaseIterable {
        /// Store now, answer 202, let the background worker resolve and plan them.
        case queue
        /// Resolve and plan within the request, answer when done.
        case wait
    }

    var urls: [String]?
    var targets: [Row]?
    var kind: String?
    var note: String?
    var resolve: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case urls, targets, kind, note, resolve
    }

    static let shape = JSONBody.Shape(
        fields: Set(CodingKeys.allCases.map(\.rawValue)),
        nested: ["targets": JSONBody.Shape(fields: Set(Row.CodingKeys.allCases.map(\.rawValue)))]
    )

    /// A row with the JSON path it came from.
    struct Numbered {
        var field: String
        var row: BatchRow
    }

    /// Every row, numbered in the order given (`urls` first, then `targets`); the batch row's `line` is its
    /// position in that order.
    var rows: [Numbered] {
        var result: [Numbered] = []
        for (index, url) in (urls ?? []).enumerated() {
            result.append(Numbered(field: "urls[\(index)]", row: BatchRow(line: result.count + 1, url: url)))
        }
        for (index, row) in (targets ?? []).enumerated() {
            let kind = row.kind.flatMap { $0.isEmpty ? nil : $0 }
            let note = row.note.flatMap { $0.isEmpty ? nil : $0 }
            result.append(
                Numbered(
                    field: "targets[\(index)]",
                    row: BatchRow(line: result.count + 1, url: row.url, kind: kind, note: note)
                )
            )
        }
        return result
    }

    /// The resolution mode, or the error naming the bad value.
    func resolveMode() throws -> Resolve {
        guard let resolve else { return .queue }
        guard let mode = Resolve(rawValue: resolve) else {
            let modes = Resolve.allCases.map(\.rawValue).joined(separator: " or ")
            throw APIError.invalidValue("resolve", "\"\(resolve)\" is not a mode; use \(modes)")
        }
        return mode
    }

    /// The default kind, or the error naming the bad value.
    func defaultKind() throws -> InfringementKind? {
        guard let kind else { return nil }
        do {
            return try InfringementKind(parsing: kind)
        } catch {
            throw APIError.invalidValue("kind", "\"\(kind)\" is not a kind; use one of \(CaseRequest.kinds)")
        }
    }
}
