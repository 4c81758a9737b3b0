import LongarmCore
import LongarmNet

/// The HTTP client for commands that build their own configuration (`data update`).
enum NetworkClients {
    /// libcurl with the given time limit and connect-to rules (CA bundle and the rest from the environment).
    static func httpFetcher(timeout: Duration, connectTo: [String]) throws -> any HTTPFetching {
        var configuration: NetConfiguration
        do {
            configuration = try NetConfiguration.fromEnvironment(connectTo: connectTo, version: LongarmVersion.current)
        } catch {
            throw CLIError(.usage, "\(error)")
        }
        configuration.timeout = timeout
        return CurlHTTPClient(configuration: configuration)
    }
}
