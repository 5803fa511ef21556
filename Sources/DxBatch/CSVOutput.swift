import DxIO
import DxReport

/// Builds CSV rows straight into bytes and hands them to an
/// ``OutputSink`` in 64 KiB blocks: no intermediate strings per field, so a
/// million-row batch stays fast.
struct CSVOutput {
    let sink: OutputSink
    let safety: CSV.FormulaSafety
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16

    init(sink: OutputSink, safety: CSV.FormulaSafety) {
        self.sink = sink
        self.safety = safety
        buffer.reserveCapacity(Self.capacity + 4096)
    }

    /// Appends one field, preceded by a comma unless it is the first of its line.
    mutating func field(_ text: String, first: Bool = false) {
        if !first { buffer.append(0x2C) }
        CSV.append(field: text, to: &buffer, safety: safety)
    }

    /// Appends a comma and a full-precision number, or an empty field for nil.
    mutating func number(_ value: Double?) {
        buffer.append(0x2C)
        guard let value else { return }
        if value == value.rounded(), abs(value) < 1e15 {
            buffer.append(contentsOf: String(Int64(value)).utf8)
        } else {
            buffer.append(contentsOf: value.description.utf8)
        }
    }

    /// Ends the line; writes out the buffer when it is full.
    mutating func endLine() throws(IOError) {
        buffer.append(0x0A)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// A whole line of text (a CSV header, a JSON line).
    mutating func line(_ text: String) throws(IOError) {
        buffer.append(contentsOf: text.utf8)
        try endLine()
    }

    /// Hands everything gathered to the sink.
    mutating func flush() throws(IOError) {
        guard !buffer.isEmpty else { return }
        try sink.write(bytes: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
