import Foundation
import Hummingbird
import LongarmCore
import LongarmLetters
import LongarmStore

/// `GET /v1/cases/{id}/letters?format=txt,md&lang=auto&draft=false`: renders the letters of the case's current plans.
///
/// Nothing is written or recorded: this is the preview a client shows before anyone sends anything; `longarm
/// letters` writes the files and records them. Without `draft=true` a plan whose letters miss required data is
/// refused with 422 naming each missing field, as the CLI does. Evidence captured with `longarm evidence capture`
/// is cited in the letters.
struct LetterRoutes {
    static let parameters: Set<String> = ["format", "lang", "draft"]

    let dependencies: ServiceDependencies
    let metrics: ServiceMetrics
    let version: String

    func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try context.identifier("id")
        let options = try Self.options(request.uri.queryParameters, version: version, date: dependencies.now())
        let caseFile = try dependencies.store.requireCase(id)
        guard let library = dependencies.templates else {
            throw APIError(.serviceUnavailable, code: "letters_unavailable", "the service has no letter templates")
        }
        let current = try CurrentPlans(caseFile: caseFile, dependencies: dependencies, metrics: metrics)
        let planned = current.targets.compactMap { target -> PlannedTarget? in
            guard let targetID = target.id, let stored = current.plans[targetID] else { return nil }
            return PlannedTarget(target: target, plan: stored.plan, planID: stored.id)
        }
        guard !planned.isEmpty else {
            throw APIError(
                .conflict,
                code: "not_planned",
                "case \(id) has no planned target yet; its targets are still being resolved"
            )
        }
        let composer = LetterComposer(library: library, book: dependencies.book)
        let batch: LetterComposer.Batch
        let evidence = try CaseEvidence.summaries(caseID: id, store: dependencies.store)
        do {
            batch = try composer.compose(
                caseFile: caseFile,
                targets: planned,
                evidence: evidence,
                options: options
            )
        } catch {
            throw Self.apiError(error, caseID: id)
        }
        let view = LettersView(
            caseId: id,
            cover: LettersView.Cover(language: batch.cover.language, text: batch.cover.text),
            letters: batch.letters.map(LettersView.Item.init),
            notes: batch.notes
        )
        return try APIJSON.response(view)
    }

    /// The rendering options from the query, or 400 naming the parameter at fault.
    static func options(_ query: Parameters, version: String, date: Date) throws -> LetterOptions {
        for (name, _) in query where !parameters.contains(String(name)) {
            throw APIError(
                .badRequest,
                code: "unknown_parameter",
                "\(name): unknown query parameter; expected one of \(parameters.sorted().joined(separator: ", "))"
            )
        }
        var formats: [LetterFormat] = [.txt]
        if let text = query.get("format") {
            formats = []
            for name in text.split(separator: ",") {
                guard let format = LetterFormat(rawValue: String(name)) else {
                    throw APIError(
                        .badRequest,
                        code: "invalid_parameter",
                        "format \"\(name)\": expected txt, md, html, eml or form"
                    )
                }
                formats.append(format)
            }
            if formats.isEmpty {
                throw APIError(.badRequest, code: "invalid_parameter", "format: give at least one format")
            }
        }
        var draft = false
        if let text = query.get("draft") {
            switch text.lowercased() {
            case "true", "1", "yes": draft = true
            case "false", "0", "no": draft = false
            default:
                throw APIError(.badRequest, code: "invalid_parameter", "draft \"\(text)\": expected true or false")
            }
        }
        let lang = query.get("lang").flatMap { $0 == "auto" || $0.isEmpty ? nil : $0 }
        return LetterOptions(formats: formats, language: lang, draft: draft, date: date, version: version)
    }

    private static func apiError(_ error: LetterError, caseID: Int64) -> APIError {
        switch error.code {
        case .missingElements:
            let fields = Array(Set(error.missing.flatMap(\.fields))).sorted()
            return APIError(
                .unprocessableContent,
                code: "missing_elements",
                "case \(caseID) lacks data its letters need (\(fields.joined(separator: ", "))); "
                    + "add it to the case or ask for draft=true",
                details: error.missing.map {
                    APIError.Detail(
                        field: $0.fields.joined(separator: ","),
                        message: "needed for the element \($0.element.rawValue)"
                    )
                }
            )
        case .unsupported:
            return APIError(.unprocessableContent, code: "unsupported", error.description)
        default:
            return APIError(.serviceUnavailable, code: "letters_unavailable", error.description)
        }
    }
}
