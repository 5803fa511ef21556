// The libFuzzer target; see Fuzz/Package.swift and scripts/fuzz.sh.
import DxBatch
import DxIO
import FuzzDriver

// The CSV record reader (small limits, so the limits themselves are
// exercised; short reads, as from a pipe) and the accuracy and post-test
// engines over the same bytes. Invariants: read = written + rejected; one
// reject line per rejected row, each showable; no crash.
runFuzzer { data in
    let bytes = Array(data)
    let readSize = Int(bytes.first ?? 7) % 61 + 1
    let limits = BatchLimits(maximumLineBytes: 300, maximumFields: 12)

    var reader = CSVRecordReader(source: InputSource(bytes: bytes, maximumReadSize: readSize), limits: limits)
    var lastLine = 0
    do {
        var first = true
        while let record = try reader.next(expectedFieldCount: first ? nil : 4) {
            first = false
            require(record.line > 0, "a record on line \(record.line)")
            _ = lastLine
            lastLine = record.line
            if case .fields(let fields, _) = record { require(fields.count <= 12, "\(fields.count) fields over the limit") }
        }
    } catch {
        require(!"\(error)".isEmpty, "an empty error")
    }

    for format in [BatchFormat.csv, .jsonLines] {
        let output = OutputSink.memory(), rejectSink = OutputSink.memory()
        let rejects = RejectLog(sink: rejectSink)
        if let summary = try? AccuracyBatch.run(
            input: InputSource(bytes: bytes, maximumReadSize: readSize), settings: .init(format: format, limits: limits), output: output,
            rejects: rejects)
        {
            require(summary.read == summary.written + summary.rejected, "accuracy: \(summary)")
            let lines = rejectSink.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            require(lines.count == summary.rejected, "accuracy: \(lines.count) reject lines for \(summary.rejected)")
            require(lines.allSatisfy { isShowable(String($0)) }, "a reject line with a control character")
        }
        let postOutput = OutputSink.memory(), postRejects = OutputSink.memory()
        if let summary = try? PostTestBatch.run(
            input: InputSource(bytes: bytes, maximumReadSize: readSize), settings: .init(format: format, limits: limits), output: postOutput,
            rejects: RejectLog(sink: postRejects))
        {
            require(summary.read == summary.written + summary.rejected, "post-test: \(summary)")
            let notANumber = [",nan", "nan,", "-nan", ":nan", "NaN", ",inf", ":inf"].first { postOutput.text.contains($0) }
            require(notANumber == nil, "post-test output with \(notANumber ?? "")")
        }
    }
}
