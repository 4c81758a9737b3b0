/// Reads a batch file's bytes into rows, collecting a ``BatchRowError`` for each row that cannot be read.
///
/// Parsing only: URLs and kinds are checked later by ``TargetIntake``. The caller reads the file (with a byte
/// limit); this type does no I/O.
public enum BatchReader {
    /// The rows and the rejected rows of one file.
    public struct Result: Sendable {
        /// Rows that could be read, in file order.
        public var rows: [BatchRow]
        /// Rows that could not be read.
        public var errors: [BatchRowError]
    }

    /// Reads `content` in `format` (detected from `source` and the content when `nil`).
    public static func read(_ content: [UInt8], source: String, format: BatchFormat? = nil) -> Result {
        switch format ?? BatchFormat.detect(fileName: source, content: content) {
        case .csv: CSVBatchReader(content: content, source: source).read()
        case .jsonLines: JSONLinesBatchReader(content: content, source: source).read()
        }
    }
}
