import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Reads a request's JSON body within the size limit and decodes it strictly: an unknown field is an error that
/// names it, and so is a field of the wrong type.
enum JSONBody {
    /// The fields an object may carry; `nested` gives the shape of fields holding an object or an array of objects.
    struct Shape: Sendable {
        var fields: Set<String>
        var nested: [String: Shape] = [:]
    }

    /// The body's bytes, after checking the media type and the size.
    ///
    /// - Throws: ``APIError`` 415 for a body that is not `application/json`, 413 for one over `limit` bytes, 400 for
    ///   an empty one.
    static func read(_ request: Request, limit: Int) async throws -> Data {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let mediaType, mediaType == "application/json" || mediaType.hasSuffix("+json") else {
            let given = request.headers[.contentType].map { "\"\($0)\"" } ?? "none"
            throw APIError(
                .unsupportedMediaType,
                code: "unsupported_media_type",
                "Content-Type \(given): expected application/json"
            )
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw tooLarge(limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw tooLarge(limit)
        }
        guard buffer.readableBytes > 0 else {
            throw APIError.badJSON("the request body is empty; expected a JSON object")
        }
        return Data(buffer.readableBytesView)
    }

    /// Decodes `data` as `T` after checking every field name against `shape`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, shape: Shape) throws -> T {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw APIError.badJSON("the request body is not valid JSON")
        }
        guard let dictionary = object as? [String: Any] else {
            throw APIError.badJSON("the request body must be a JSON object, not \(kind(of: object))")
        }
        try check(dictionary, against: shape, path: "")
        do {
            return try APIJSON.decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw describe(error)
        }
    }

    private static func check(_ object: [String: Any], against shape: Shape, path: String) throws {
        for key in object.keys.sorted() {
            let field = path.isEmpty ? key : "\(path).\(key)"
            guard shape.fields.contains(key) else {
                let known = shape.fields.sorted().joined(separator: ", ")
                throw APIError(
                    .badRequest,
                    code: "unknown_field",
                    "\(field): unknown field; expected one of \(known)",
                    details: [APIError.Detail(field: field, message: "unknown field")]
                )
            }
            guard let inner = shape.nested[key] else { continue }
            if let child = object[key] as? [String: Any] {
                try check(child, against: inner, path: field)
            } else if let items = object[key] as? [Any] {
                for (index, item) in items.enumerated() {
                    if let child = item as? [String: Any] {
                        try check(child, against: inner, path: "\(field)[\(index)]")
                    }
                }
            }
        }
    }

    private static func describe(_ error: DecodingError) -> APIError {
        switch error {
        case .typeMismatch(let type, let context):
            return .invalidField(path(context.codingPath), "expected \(expected(type))")
        case .valueNotFound(let type, let context):
            return .invalidField(path(context.codingPath), "must be \(expected(type)), not null")
        case .keyNotFound(let key, let context):
            return .invalidField(path(context.codingPath + [key]), "required field missing")
        case .dataCorrupted(let context):
            return .invalidField(path(context.codingPath), context.debugDescription)
        @unknown default:
            return .badJSON("the request body cannot be decoded")
        }
    }

    /// A coding path as the JSON path a client wrote: `targets[2].url`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "body" : text
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        default: "\(type)".hasPrefix("Array") ? "an array" : "an object"
        }
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is [Any]: "an array"
        case is String: "a string"
        case is NSNumber: "a number"
        default: "null"
        }
    }

    private static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", "the request body exceeds \(limit) bytes")
    }
}
