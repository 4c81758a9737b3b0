public import Foundation
public import Hummingbird

/// An error the API answers with: an HTTP status and the JSON body `{"error": {"code", "message"}}`.
///
/// `code` is a stable machine-readable word (`invalid_field`, `not_found`); `message` is one sentence naming the
/// input and what is wrong with it. `details` lists per-item problems (one per rejected row or field) when there
/// are several.
public struct APIError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// One problem with a named part of the request.
    public struct Detail: Sendable, Codable, Hashable {
        /// The JSON path of the input (`targets[2].url`, `holderCountry`).
        public var field: String
        /// What is wrong with it.
        public var message: String

        /// Creates a detail.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable error code.
    public var code: String
    /// The sentence a person reads.
    public var message: String
    /// Per-field or per-row problems, when there are several.
    public var details: [Detail]
    /// Headers to send with the error (`WWW-Authenticate`, `Allow`, `Retry-After`).
    public var headers: HTTPFields

    /// Creates an error.
    public init(
        _ status: HTTPResponse.Status,
        code: String,
        _ message: String,
        details: [Detail] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }
    public var errorDescription: String? { description }
}

extension APIError {
    /// 400: the body is not JSON, or not the JSON object expected.
    static func badJSON(_ message: String) -> APIError { APIError(.badRequest, code: "bad_json", message) }

    /// 400: a field is missing, has the wrong type, or is not one the route knows.
    static func invalidField(_ field: String, _ message: String) -> APIError {
        APIError(
            .badRequest,
            code: "invalid_field",
            "\(field): \(message)",
            details: [Detail(field: field, message: message)]
        )
    }

    /// 422: a well-formed value the service cannot accept (an unknown kind, a country that is no ISO code).
    static func invalidValue(_ field: String, _ message: String) -> APIError {
        APIError(
            .unprocessableContent,
            code: "invalid_value",
            "\(field): \(message)",
            details: [Detail(field: field, message: message)]
        )
    }

    /// 404: the named case or target does not exist.
    static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message) }

    /// 400: a path parameter is not a positive number.
    static func badIdentifier(_ name: String, _ text: String) -> APIError {
        APIError(.badRequest, code: "invalid_parameter", "\(name) \"\(text)\": expected a positive integer")
    }
}

extension APIError: HTTPResponseError {
    /// The JSON document sent for an error.
    struct Body: Encodable {
        struct Inner: Encodable {
            var code: String
            var message: String
            var details: [Detail]?
        }
        var error: Inner
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(error: .init(code: code, message: message, details: details.isEmpty ? nil : details))
        var response = try APIJSON.response(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
