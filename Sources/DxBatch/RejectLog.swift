import DxEvidence
import DxIO

/// Where rejected records go, one line each: `line 4: tp (-1) must be a
/// whole number ≥ 0`. The reason is shown with `VisibleText.line(_:limit:)`,
/// so a value holding a line break or an escape sequence cannot forge a
/// second entry or act on a terminal.
///
/// ```swift
/// let log = RejectLog(sink: .memory())
/// try log.reject(line: 4, reason: "tp (-1) must be a whole number ≥ 0")
/// log.count   // 1
/// ```
public final class RejectLog {
    /// Where the lines are written.
    public let sink: OutputSink
    private let prefix: String
    /// How many records have been rejected.
    public private(set) var count = 0

    /// A log writing to `sink`; `prefix` starts every line ("dxkit: " on standard error).
    public init(sink: OutputSink, prefix: String = "") {
        self.sink = sink
        self.prefix = prefix
    }

    /// Records one rejected record.
    public func reject(line: Int, reason: String) throws(IOError) {
        count += 1
        try sink.write(prefix + "line \(line): " + VisibleText.line(reason, limit: 500) + "\n")
    }
}
