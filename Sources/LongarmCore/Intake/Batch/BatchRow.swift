/// One row of a submitted batch, as read: nothing is validated yet.
public struct BatchRow: Sendable, Hashable {
    /// The line of the file where the row starts (1-based), or the position of a command-line argument.
    public var line: Int
    /// The URL text.
    public var url: String
    /// The kind column, or `nil` when empty or absent.
    public var kind: String?
    /// The note column, or `nil` when empty or absent.
    public var note: String?

    /// Creates a row.
    public init(line: Int, url: String, kind: String? = nil, note: String? = nil) {
        self.line = line
        self.url = url
        self.kind = kind
        self.note = note
    }
}
