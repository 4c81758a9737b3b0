/// One registry's WHOIS answer layout: when it applies, and how to read it.
///
/// `WHOISParser` picks a layout by the answering server, then by markers in the text, then by the query's TLD,
/// falling back to the generic ICANN `Key: Value` layout. Status, name servers, dates and the not-found and
/// rate-limit answers are normalised afterwards for every layout.
public protocol WHOISLayout: Sendable {
    /// A short name (`icann`, `jprs`, `tci`, …), reported in the record and used by the accuracy report.
    var name: String { get }
    /// WHOIS servers (lower-case host names) whose answers use this layout.
    var servers: Set<String> { get }
    /// Top-level domains (lower-case, without dot) whose registry answers use this layout.
    var tlds: Set<String> { get }
    /// True when the text itself shows this layout (markers unique to it).
    func recognizes(_ text: WHOISText) -> Bool
    /// Reads the text into `record`.
    func parse(_ text: WHOISText, into record: inout WHOISRecord)
}
