public import Foundation

/// What fetching a target's URL gave, before it is judged.
public enum PageFetch: Sendable, Hashable {
    /// A final response with a status that says something about the content (2xx, or 404/410/451).
    case response(PageResponse)
    /// `304 Not Modified` to the conditional request: the body is the one seen last time.
    case notModified(finalURL: String)
    /// No usable response: no connection, a timeout, a redirect loop, or a status that says nothing about the
    /// content (5xx, 401, 403, 429 …). Never counted as removal.
    case unusable(status: Int?, finalURL: String?, reason: String)
}

/// A final response.
public struct PageResponse: Sendable, Hashable {
    public var status: Int
    public var finalURL: String
    public var body: Data
    public var digest: String
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    public var truncated: Bool
}
