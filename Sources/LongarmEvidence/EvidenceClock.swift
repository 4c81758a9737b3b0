public import Foundation

/// Where capture time comes from; injected so tests pin it and records say which clock spoke.
public protocol EvidenceClock: Sendable {
    /// The current time.
    func now() -> Date
    /// A description of the clock and its synchronisation, written into every capture.
    var source: String { get }
}

/// The system's real-time clock, described with the kernel's NTP synchronisation state.
public struct SystemEvidenceClock: EvidenceClock {
    /// Creates the clock.
    public init() {}

    public func now() -> Date { Date() }

    public var source: String {
        #if os(Linux)
        // adjtimex(2) with modes = 0 only reads. Glibc's module map does not export it, hence the raw buffer:
        // struct timex is 208 bytes on 64-bit Linux, `maxerror` (long, µs) at offset 24.
        var buffer = [UInt8](repeating: 0, count: 512)
        let state = buffer.withUnsafeMutableBytes { linuxAdjtimex($0.baseAddress!) }
        let maxError = buffer.withUnsafeBytes { $0.load(fromByteOffset: 24, as: Int.self) }
        switch state {
        case ..<0: return "system clock (CLOCK_REALTIME); synchronisation state unknown"
        case 5: return "system clock (CLOCK_REALTIME); kernel reports it NOT synchronised (adjtimex TIME_ERROR)"
        default:
            return "system clock (CLOCK_REALTIME); kernel reports it synchronised, max error \(maxError) µs (adjtimex)"
        }
        #else
        return "system clock; synchronisation state unknown"
        #endif
    }
}

#if os(Linux)
@_silgen_name("adjtimex")
private func linuxAdjtimex(_ buffer: UnsafeMutableRawPointer) -> Int32
#endif
