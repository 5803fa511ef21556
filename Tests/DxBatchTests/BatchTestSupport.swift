import DxBatch
import DxIO

/// Runs a reader over text and collects every record.
func records(_ text: String, limits: BatchLimits = .standard, expected: Int? = nil, readSize: Int = .max) throws -> [CSVRecordReader.Record] {
    var reader = CSVRecordReader(source: InputSource(bytes: Array(text.utf8), maximumReadSize: readSize), limits: limits)
    var result: [CSVRecordReader.Record] = []
    var first = true
    while let record = try reader.next(expectedFieldCount: first ? nil : expected) {
        result.append(record)
        first = false
    }
    return result
}

/// The lines of a memory sink's text.
func lines(_ sink: OutputSink) -> [String] {
    sink.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
}
