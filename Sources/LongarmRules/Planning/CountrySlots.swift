import LongarmCore

/// Dense positions for a fixed set of countries, found from a code's two letters without hashing.
struct CountrySlots: Sendable {
    /// The position per possible code (`AA` … `ZZ`), or -1.
    private let positions: [Int16]
    /// How many countries have a position (0 ..< count).
    let count: Int

    /// Numbers `codes` in order, skipping repeats.
    init(_ codes: [CountryCode]) {
        var positions = [Int16](repeating: -1, count: 26 * 26)
        var count = 0
        for code in codes {
            guard let letters = Self.letters(code), positions[letters] < 0 else { continue }
            positions[letters] = Int16(count)
            count += 1
        }
        self.positions = positions
        self.count = count
    }

    /// The code's position, or `nil` when it is not one of the set.
    func position(of code: CountryCode) -> Int? {
        guard let letters = Self.letters(code) else { return nil }
        let position = positions[letters]
        return position < 0 ? nil : Int(position)
    }

    private static func letters(_ code: CountryCode) -> Int? {
        var bytes = code.rawValue.utf8.makeIterator()
        guard let first = bytes.next(), let second = bytes.next(), bytes.next() == nil,
            (65...90).contains(first), (65...90).contains(second)
        else { return nil }
        return Int(first - 65) * 26 + Int(second - 65)
    }
}
