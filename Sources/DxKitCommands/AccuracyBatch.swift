import DxReport
import DxStats
import Foundation

/// `dxkit accuracy --input tables.csv`: every measure of every table, one
/// output row per input row, in input order, in constant memory.
///
/// Input: a header naming tp, fp, fn and tn (any order, any case); other
/// columns are copied to the output. Output CSV: the input columns, then
/// each measure's estimate, lower and upper limit, then `notes`; an
/// unbounded or not-estimable value is an empty field. A malformed row is
/// reported with its line number and reason; the rest are processed; a
/// summary line reports rows read = written + rejected; the exit status is
/// 65 when any row was rejected.
struct AccuracyBatch {
    let level: ConfidenceLevel
    let proportionMethod: ProportionIntervalMethod
    let likelihoodRatioMethod: RatioIntervalMethod
    let zeroCellFallback: ZeroCellFallback
    let format: OutputFormat
    /// The most threads to compute on (`--threads`; exact intervals only).
    let threads: Int

    static let measureKeys = [
        "sensitivity", "specificity", "ppv", "npv", "prevalence", "accuracy",
        "positiveLikelihoodRatio", "negativeLikelihoodRatio", "diagnosticOddsRatio", "youden",
    ]

    func run(handle: FileHandle, rejects: RejectLog, progress: ProgressReporter) throws -> (read: Int, written: Int) {
        var reader = CSVReader(handle: handle)
        guard let header = reader.next()?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            throw InputError("--input: the file is empty (expected a header with tp,fp,fn,tn)")
        }
        var columns: [String: Int] = [:]
        for name in ["tp", "fp", "fn", "tn"] {
            guard let index = header.firstIndex(where: { $0.lowercased() == name }) else {
                throw InputError("--input: the header has no '\(name)' column (found: \(header.joined(separator: ", ")))")
            }
            columns[name] = index
        }
        let countColumns = ["tp", "fp", "fn", "tn"].map { ($0, columns[$0]!) }
        let output = BufferedOutput()
        if format == .csv {
            let measureColumns = Self.measureKeys.flatMap { [$0, "\($0)_lower", "\($0)_upper"] }
            output.write(line: CSV.line(header + measureColumns + ["notes"]))
        }
        var read = 0, written = 0
        var chunk: [Row] = []
        chunk.reserveCapacity(Self.chunkSize)
        // Exact intervals (beta quantiles) dominate the time: spread them over the cores and remember
        // them by (x, n), one cache per worker. Closed-form intervals are cheaper than the hand-over.
        let exact = [.clopperPearson, .jeffreys].contains(proportionMethod)
        let workers = exact ? Swift.max(1, threads) : 1
        // 100,000 remembered intervals in all, shared out among the workers (memory stays under 50 MiB).
        let caches: [ProportionIntervalCache?] = (0..<workers).map { _ in
            exact ? ProportionIntervalCache(method: proportionMethod, level: level, capacity: 100_000 / workers) : nil
        }
        func flushChunk() {
            for (row, outcome) in zip(chunk, compute(chunk, countColumns: countColumns, columnCount: header.count, caches: caches)) {
                switch outcome {
                case .accuracy(let accuracy):
                    if format == .csv {
                        writeCSV(row.fields, accuracy, to: output)
                    } else {
                        output.write(line: jsonLine(header, row.fields, accuracy))
                    }
                    written += 1
                case .rejected(let reason):
                    rejects.reject(line: row.line, reason: reason)
                }
            }
            chunk.removeAll(keepingCapacity: true)
        }
        while let record = reader.next() {
            if record.fields.count == 1 && record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            read += 1
            chunk.append(Row(line: reader.lineNumber, fields: record.fields, unterminated: record.unterminated))
            if chunk.count == Self.chunkSize {
                flushChunk()
                progress.update(items: read, bytes: reader.bytesRead)
            }
        }
        flushChunk()
        output.flush()
        return (read, written)
    }

    /// Rows are computed in chunks, split across the cores, and written in input order.
    static let chunkSize = 4096

    struct Row {
        let line: Int
        let fields: [String]
        let unterminated: Bool
    }

    enum Outcome {
        case accuracy(DiagnosticAccuracy)
        case rejected(String)
    }

    /// Computes a chunk on every core; each worker takes a contiguous slice and its own cache.
    private func compute(_ rows: [Row], countColumns: [(String, Int)], columnCount: Int, caches: [ProportionIntervalCache?]) -> [Outcome] {
        let outcomes = UnsafeMutableBufferPointer<Outcome>.allocate(capacity: rows.count)
        defer { outcomes.deallocate() }
        nonisolated(unsafe) let shared = (outcomes: outcomes, rows: rows, caches: caches)
        let workers = caches.count
        let slice = (rows.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * slice, end = Swift.min(rows.count, start + slice)
            guard start < end else { return }
            for index in start..<end {
                (shared.outcomes.baseAddress! + index).initialize(
                    to: outcome(shared.rows[index], countColumns: countColumns, columnCount: columnCount, cache: shared.caches[worker]))
            }
        }
        let result = Array(outcomes)
        _ = outcomes.deinitialize()
        return result
    }

    private func outcome(_ row: Row, countColumns: [(String, Int)], columnCount: Int, cache: ProportionIntervalCache?) -> Outcome {
        do {
            if row.unterminated { throw InputError("a quoted field is not closed") }
            guard row.fields.count == columnCount else {
                throw InputError("\(row.fields.count) fields, the header has \(columnCount)")
            }
            let counts = try countColumns.map { name, column in
                // Fast path for plain digits; anything else gets the full check and its message.
                if let value = Int(row.fields[column]), value >= 0, value <= 1_000_000_000 { return value }
                return try TableOptions.count(row.fields[column], flag: name)
            }
            let table: TwoByTwoTable
            do {
                table = try TwoByTwoTable(truePositives: counts[0], falsePositives: counts[1], falseNegatives: counts[2], trueNegatives: counts[3])
            } catch { throw InputError(error) }
            return .accuracy(
                try DiagnosticAccuracy(
                    table: table, level: level, proportionMethod: proportionMethod,
                    likelihoodRatioMethod: likelihoodRatioMethod, zeroCellFallback: zeroCellFallback, cache: cache))
        } catch let error as InputError {
            return .rejected(error.description)
        } catch let error as StatisticsError {
            return .rejected(error.description)
        } catch {
            return .rejected("\(error)")
        }
    }

    /// Writes one output row straight into the output buffer (no intermediate strings).
    private func writeCSV(_ fields: [String], _ accuracy: DiagnosticAccuracy, to output: BufferedOutput) {
        for (index, field) in fields.enumerated() { output.appendField(field, first: index == 0) }
        var notes: [String] = []
        for (key, _, measure) in accuracy.measures {
            output.appendNumber(measure.estimate.finiteValue)
            output.appendNumber(measure.lower.finiteValue)
            output.appendNumber(measure.upper.finiteValue)
            if let note = measure.note { notes.append("\(key): \(note)") }
        }
        output.appendField(notes.joined(separator: " "))
        output.endLine()
    }

    private func jsonLine(_ header: [String], _ fields: [String], _ accuracy: DiagnosticAccuracy) -> String {
        var members: [(String, JSONValue)] = [("input", .object(zip(header, fields).map { ($0, .string($1)) }))]
        if case .object(let measures) = AccuracyReport(accuracy: accuracy).json { members += measures }
        return JSONValue.object(members).serialized()
    }
}
