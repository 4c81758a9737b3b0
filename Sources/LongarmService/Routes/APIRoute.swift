public import HTTPTypes

/// One route of the API: its method and its path in OpenAPI form (`/v1/cases/{id}`).
///
/// The list in ``all`` is what the router registers, what 405 answers consult, and what the OpenAPI test compares
/// with `docs/openapi.yaml`.
public struct APIRoute: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The path template with `{name}` parameters.
    public var path: String
    /// Whether the route needs the bearer token.
    public var authenticated: Bool

    /// Creates a route.
    public init(_ method: HTTPRequest.Method, _ path: String, authenticated: Bool = true) {
        self.method = method
        self.path = path
        self.authenticated = authenticated
    }

    public var description: String { "\(method.rawValue) \(path)" }

    /// The path in Hummingbird's form: `{id}` becomes `:id`.
    public var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : segment
        }.joined(separator: "/")
    }

    /// A Hummingbird route path (`/v1/cases/:id`) in OpenAPI form (`/v1/cases/{id}`).
    public static func openAPIPath(fromRouter path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : "/" + path
        return absolute.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{" + segment.dropFirst() + "}" : String(segment)
        }.joined(separator: "/")
    }

    /// The label a request is counted under: its route's template, or `unmatched` (so that random paths cannot
    /// swell the metrics).
    static func label(forEndpoint endpoint: String?) -> String {
        guard let endpoint, endpoint != "NotFound" else { return "unmatched" }
        return openAPIPath(fromRouter: endpoint)
    }

    /// Whether `path` (a request path) fits this route's template.
    func matches(_ requestPath: String) -> Bool {
        let want = path.split(separator: "/")
        let have = requestPath.split(separator: "/")
        guard want.count == have.count else { return false }
        return zip(want, have).allSatisfy { template, actual in
            (template.hasPrefix("{") && template.hasSuffix("}")) || template == actual
        }
    }

    /// The methods served at `requestPath`, sorted.
    static func methods(for requestPath: String, in routes: [APIRoute]) -> [String] {
        Array(Set(routes.filter { $0.matches(requestPath) }.map(\.method.rawValue))).sorted()
    }
}
