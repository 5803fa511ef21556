/// The limits every streaming reader enforces, so that no input can take
/// unbounded memory or swallow the records after it.
///
/// - A line (and a CSV record, quoted line breaks included) may be up to
///   ``maximumLineBytes`` long (1 MiB); a longer one is one reject and
///   reading resumes at the next line.
/// - A CSV record may have up to ``maximumFields`` fields (1024).
/// - A NUL byte means the input is not text: reading stops with an error.
///
/// ```swift
/// BatchLimits.standard.maximumLineBytes   // 1048576
/// ```
public struct BatchLimits: Sendable, Hashable {
    /// The longest line or CSV record, in bytes.
    public var maximumLineBytes: Int
    /// The most fields in a CSV record (the header included).
    public var maximumFields: Int

    public init(maximumLineBytes: Int = 1 << 20, maximumFields: Int = 1024) {
        precondition(maximumLineBytes > 0 && maximumFields > 0, "limits must be positive")
        self.maximumLineBytes = maximumLineBytes
        self.maximumFields = maximumFields
    }

    /// 1 MiB per line or record, 1024 fields.
    public static let standard = BatchLimits()

    /// A byte count in words: 1048576 → "1 MiB", 300 → "300 bytes".
    static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
