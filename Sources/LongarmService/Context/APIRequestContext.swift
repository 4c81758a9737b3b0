public import Hummingbird
import NIOCore

/// The request context of the API: Hummingbird's core storage and the client's address.
public struct APIRequestContext: RequestContext {
    /// Hummingbird's per-request storage (logger, route, parameters).
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, for rate limiting and the request log; `nil` in router tests.
    public let clientAddress: String?

    /// Creates the context of a request arriving on a channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are read by ``JSONBody`` with the configured limit; this is Hummingbird's own ceiling.
    public var maxUploadSize: Int { 8 << 20 }
}
