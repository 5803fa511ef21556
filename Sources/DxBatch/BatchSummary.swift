/// What a batch did: rows (or patients) read = written + rejected.
///
/// Every record read is either written or rejected with its line number
/// and reason; nothing is dropped silently.
public struct BatchSummary: Sendable, Hashable, CustomStringConvertible {
    public var read: Int
    public var written: Int
    public var rejected: Int

    public init(read: Int = 0, written: Int = 0, rejected: Int = 0) {
        self.read = read
        self.written = written
        self.rejected = rejected
    }

    /// "7 rows read, 3 written, 4 rejected".
    public func description(of things: String) -> String {
        "\(read) \(things) read, \(written) written, \(rejected) rejected"
    }

    public var description: String { description(of: "rows") }
}
