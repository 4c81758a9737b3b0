import LongarmCore
public import LongarmNet

extension PrivateAddressGuard: AddressPolicy {
    /// Refuses address literals in private, loopback, link-local, multicast or reserved space; host names pass
    /// (their addresses are judged once resolved).
    public func refusal(for ip: String) -> String? {
        let literal = ip.hasPrefix("[") && ip.hasSuffix("]") ? String(ip.dropFirst().dropLast()) : ip
        guard let address = IPAddress(literal), !permits(address) else { return nil }
        return
            "\(literal): non-public address (\(Self.classify(address).scope.rawValue)) refused; --allow-private-targets permits it"
    }
}
