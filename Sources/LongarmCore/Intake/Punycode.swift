/// Punycode (RFC 3492): the Bootstring encoding that turns a Unicode label into the ASCII after `xn--`.
///
/// Works on Unicode scalar values; case annotations (RFC 3492 appendix A) are not produced and are ignored
/// when decoding, as IDNA requires.
public enum Punycode {
    private static let base: UInt32 = 36
    private static let tMin: UInt32 = 1
    private static let tMax: UInt32 = 26
    private static let skew: UInt32 = 38
    private static let damp: UInt32 = 700
    private static let initialBias: UInt32 = 72
    private static let initialN: UInt32 = 0x80
    private static let delimiter = UInt8(ascii: "-")

    /// Encodes `input` as Punycode, or returns `nil` when a value would overflow (RFC 3492 §6.4).
    public static func encode(_ input: [Unicode.Scalar]) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2)
        for scalar in input where scalar.isASCII {
            output.append(UInt8(scalar.value))
        }
        let basicCount = UInt32(output.count)
        var handled = basicCount
        if basicCount > 0 { output.append(delimiter) }

        var n = initialN
        var delta: UInt32 = 0
        var bias = initialBias
        let total = UInt32(input.count)
        while handled < total {
            // The smallest code point not yet handled.
            var m = UInt32.max
            for scalar in input where scalar.value >= n && scalar.value < m {
                m = scalar.value
            }
            let (step, stepOverflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !stepOverflow else { return nil }
            let (sum, sumOverflow) = delta.addingReportingOverflow(step)
            guard !sumOverflow else { return nil }
            delta = sum
            n = m
            for scalar in input {
                let c = scalar.value
                if c < n {
                    let (next, overflow) = delta.addingReportingOverflow(1)
                    guard !overflow else { return nil }
                    delta = next
                }
                guard c == n else { continue }
                var q = delta
                var k = base
                while true {
                    let t = threshold(k, bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta, numPoints: handled + 1, firstTime: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Encodes a string's scalars as Punycode.
    public static func encode(_ input: String) -> String? {
        encode(Array(input.unicodeScalars))
    }

    /// Decodes Punycode to Unicode scalars, or returns `nil` for bad input (non-basic code points before the
    /// last delimiter, invalid digits, overflow, or a result outside Unicode).
    public static func decode(_ input: String) -> [Unicode.Scalar]? {
        let bytes = Array(input.utf8)
        let lastDelimiter = bytes.lastIndex(of: delimiter) ?? 0
        var output: [Unicode.Scalar] = []
        for byte in bytes[0..<lastDelimiter] {
            guard byte < 0x80 else { return nil }
            output.append(Unicode.Scalar(byte))
        }
        var index = lastDelimiter > 0 ? lastDelimiter + 1 : 0
        var n = initialN
        var i: UInt32 = 0
        var bias = initialBias
        while index < bytes.count {
            let oldI = i
            var w: UInt32 = 1
            var k = base
            while true {
                guard index < bytes.count, let d = digitValue(bytes[index]) else { return nil }
                index += 1
                let (product, productOverflow) = d.multipliedReportingOverflow(by: w)
                guard !productOverflow else { return nil }
                let (sum, sumOverflow) = i.addingReportingOverflow(product)
                guard !sumOverflow else { return nil }
                i = sum
                let t = threshold(k, bias)
                if d < t { break }
                let (weight, weightOverflow) = w.multipliedReportingOverflow(by: base - t)
                guard !weightOverflow else { return nil }
                w = weight
                k += base
            }
            let count = UInt32(output.count + 1)
            bias = adapt(i - oldI, numPoints: count, firstTime: oldI == 0)
            let (next, overflow) = n.addingReportingOverflow(i / count)
            guard !overflow else { return nil }
            n = next
            i %= count
            guard n >= 0x80, let scalar = Unicode.Scalar(n) else { return nil }
            output.insert(scalar, at: Int(i))
            i += 1
        }
        return output
    }

    private static func threshold(_ k: UInt32, _ bias: UInt32) -> UInt32 {
        if k <= bias { return tMin }
        if k >= bias + tMax { return tMax }
        return k - bias
    }

    private static func digit(_ value: UInt32) -> UInt8 {
        // 0–25 → a–z, 26–35 → 0–9.
        value < 26 ? UInt8(value) + UInt8(ascii: "a") : UInt8(value - 26) + UInt8(ascii: "0")
    }

    private static func digitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0")) + 26
        default: nil
        }
    }

    private static func adapt(_ delta: UInt32, numPoints: UInt32, firstTime: Bool) -> UInt32 {
        var delta = firstTime ? delta / damp : delta / 2
        delta += delta / numPoints
        var k: UInt32 = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
