public import Foundation
public import LongarmCore

/// What one capture saw, in memory, before it is stored: every exchange with its bytes, and the DNS facts.
public struct CapturedPage: Sendable {
    /// The URL asked for.
    public var url: String
    /// The URL of the last exchange.
    public var finalURL: String
    /// When the capture started, by the injected clock.
    public var startedAt: Date
    /// The clock's description.
    public var clockSource: String
    /// The tool that captured.
    public var toolVersion: String
    /// The exchanges in order: redirects first, the final response last.
    public var exchanges: [HTTPExchange]
    /// DNS answers for each host contacted.
    public var resolution: [ResolutionFact]
    /// Why the capture stopped before a final response (redirect limit, loop, unsupported scheme).
    public var stopReason: String?
}
