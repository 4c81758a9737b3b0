import Foundation
public import LongarmCore

/// The registered network holding an address, from the regional registry the bootstrap names (RDAP
/// redirects between registries are followed by the fetcher).
public struct RDAPNetworkLookup: NetworkLookup {
    private let bootstrap: RDAPBootstrap
    private let fetcher: RDAPFetcher
    private let parser = RDAPParser()

    /// Creates a lookup.
    public init(bootstrap: RDAPBootstrap, fetcher: RDAPFetcher) {
        self.bootstrap = bootstrap
        self.fetcher = fetcher
    }

    public func lookup(ip: String) async -> Lookup<NetworkFacts> {
        guard let address = IPAddress(ip) else { return Lookup(nil, warnings: ["\(ip): not an IP address"]) }
        guard let base = bootstrap.serviceURLs(forIP: address).first else {
            return Lookup(nil, warnings: ["\(ip): the RDAP bootstrap names no registry for this address"])
        }
        let url = base.appendingPathComponent("ip").appendingPathComponent(address.description).absoluteString
        switch await fetcher.fetch(url) {
        case .document(let data, let served):
            do {
                return Lookup(try parser.parse(data, input: served).networkFacts(server: served))
            } catch {
                return Lookup(nil, warnings: [error.description])
            }
        case .notFound(let served):
            return Lookup(nil, warnings: ["\(ip): no network at \(served) (HTTP 404)"])
        case .failed(let reason):
            return Lookup(nil, warnings: [reason])
        }
    }
}
