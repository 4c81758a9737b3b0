#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process's resource use, for benchmark reports.
enum ProcessUsage {
    private static func usage() -> rusage {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage
    }

    /// Peak RSS in MiB (`ru_maxrss` is KiB on Linux, bytes on macOS).
    static func peakMegabytes() -> Int {
        #if canImport(Glibc)
        Int(usage().ru_maxrss) / 1024
        #else
        Int(usage().ru_maxrss) / (1024 * 1024)
        #endif
    }

    /// User plus system CPU seconds so far: a figure a busy machine does not inflate the way it does wall time.
    static func processorSeconds() -> Double {
        let usage = usage()
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}
