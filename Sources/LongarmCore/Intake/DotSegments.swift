/// Removal of `.` and `..` path segments (RFC 3986 §5.2.4) from an absolute path.
enum DotSegments {
    /// The path without dot-segments; `path` must start with `/`. Going above the root stays at the root.
    static func remove(_ path: [UInt8]) -> [UInt8] {
        guard containsDotSegment(path) else { return path }
        var segments: [ArraySlice<UInt8>] = []
        var trailingSlash = false
        // Drop the leading "/" and walk the segments between slashes.
        for segment in path.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            switch segment.count {
            case 1 where segment.first == UInt8(ascii: "."):
                trailingSlash = true
            case 2 where segment.allSatisfy({ $0 == UInt8(ascii: ".") }):
                if !segments.isEmpty { segments.removeLast() }
                trailingSlash = true
            default:
                segments.append(segment)
                trailingSlash = false
            }
        }
        var output: [UInt8] = [UInt8(ascii: "/")]
        output.reserveCapacity(path.count)
        for (index, segment) in segments.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "/")) }
            output.append(contentsOf: segment)
        }
        if trailingSlash && !segments.isEmpty { output.append(UInt8(ascii: "/")) }
        return output
    }

    private static func containsDotSegment(_ path: [UInt8]) -> Bool {
        var index = 0
        while index < path.count {
            if path[index] == UInt8(ascii: "/"), index + 1 < path.count, path[index + 1] == UInt8(ascii: ".") {
                let next = index + 2 < path.count ? path[index + 2] : UInt8(ascii: "/")
                if next == UInt8(ascii: "/") { return true }
                if next == UInt8(ascii: "."), index + 3 >= path.count || path[index + 3] == UInt8(ascii: "/") {
                    return true
                }
            }
            index += 1
        }
        return false
    }
}
