import Dispatch
import DxIO
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every accuracy measure of every 2×2 table in a CSV input, one output
/// row per input row, in input order, in constant memory (`dxkit accuracy
/// --input tables.csv`).
///
/// Input: a header naming tp, fp, fn and tn (any order, any case); other
/// columns are copied to the output. Output CSV: the input columns, then
/// each measure's estimate, lower and upper limit, then `notes` (or JSON
/// lines). An unbounded or not-estimable value is an empty field. A
/// malformed row goes to the reject log with its line number and reason;
/// the rest are processed; read = written + rejected.
///
/// Exact intervals (Clopper–Pearson, Jeffreys) are computed on every core,
/// in chunks of 4096 rows, each worker with its own interval cache.
///
/// ```swift
/// let output = OutputSink.memory(), rejects = RejectLog(sink: .memory())
/// let summary = try AccuracyBatch.run(
///     input: InputSource(text: "tp,fp,fn,tn\n42,3,6,27\n"), settings: .init(), output: output, rejects: rejects)
/// summary.written   // 1
/// ```
public enum AccuracyBatch {
    /// How the tables are computed and written.
    public struct Settings: Sendable {
        public var level: ConfidenceLevel
        public var proportionMethod: ProportionIntervalMethod
        public var likelihoodRatioMethod: RatioIntervalMethod
        public var zeroCellFallback: ZeroCellFallback
        public var format: BatchFormat
        public var formulaSafety: CSV.FormulaSafety
        public var limits: BatchLimits
        /// The most threads to compute on (exact intervals only; closed
        /// forms are cheaper than the hand-over). The output is the same
        /// for any number.
        public var threads: Int

        public init(
            level: ConfidenceLevel = .ninetyFivePercent, proportionMethod: ProportionIntervalMethod = .wilson,
            likelihoodRatioMethod: RatioIntervalMethod = .log, zeroCellFallback: ZeroCellFallback = .koopman,
            format: BatchFormat = .csv, formulaSafety: CSV.FormulaSafety = .neutralised, limits: BatchLimits = .standard,
            threads: Int = ProcessInfo.processInfo.activeProcessorCount
        ) {
            self.threads = threads
            self.level = level
            self.proportionMethod = proportionMethod
            self.likelihoodRatioMethod = likelihoodRatioMethod
            self.zeroCellFallback = zeroCellFallback
            self.format = format
            self.formulaSafety = formulaSafety
            self.limits = limits
        }
    }

    /// The measures in output order (JSON keys and CSV column stems).
    public static let measureKeys = [
        "sensitivity", "specificity", "ppv", "npv", "prevalence", "accuracy",
        "positiveLikelihoodRatio", "negativeLikelihoodRatio", "diagnosticOddsRatio", "youden",
    ]

    /// Rows are computed in chunks, split across the cores, and written in input order.
    static let chunkSize = 4096

    /// Runs the batch; throws only when the input cannot be read at all (no
    /// header, a missing column, not text) or reading or writing fails.
    public static func run(
        input: InputSource, settings: Settings, output: OutputSink, rejects: RejectLog, progress: BatchProgress? = nil
    ) throws(BatchError) -> BatchSummary {
        var reader = CSVRecordReader(source: input, limits: settings.limits)
        let header = try BatchInput.header(from: &reader, expected: "a header with tp,fp,fn,tn")
        let countColumns = try ["tp", "fp", "fn", "tn"].map { name throws(BatchError) in (name, try header.required(name)) }
        var writer = CSVOutput(sink: output, safety: settings.formulaSafety)
        var summary = BatchSummary()
        try BatchError.collecting {
            if settings.format == .csv {
                let measureColumns = measureKeys.flatMap { [$0, "\($0)_lower", "\($0)_upper"] }
                try writer.line(CSV.line(header.names + measureColumns + ["notes"], safety: settings.formulaSafety))
            }
            var chunk: [Row] = []
            chunk.reserveCapacity(chunkSize)
            // Exact intervals (beta quantiles) dominate the time: spread them over the cores and remember
            // them by (x, n), one cache per worker. Closed-form intervals are cheaper than the hand-over.
            let exact = [.clopperPearson, .jeffreys].contains(settings.proportionMethod)
            let workers = exact ? Swift.max(1, settings.threads) : 1
            // 100,000 remembered intervals in all, shared out among the workers (memory stays under 50 MiB).
            let caches: [ProportionIntervalCache?] = (0..<workers).map { _ in
                exact ? ProportionIntervalCache(method: settings.proportionMethod, level: settings.level, capacity: 100_000 / workers) : nil
            }
            func flushChunk() throws(IOError) {
                let outcomes = compute(chunk, countColumns: countColumns, settings: settings, caches: caches)
                for (row, outcome) in zip(chunk, outcomes) {
                    switch outcome {
                    case .accuracy(let accuracy):
                        if settings.format == .csv {
                            writeCSV(row.fields, accuracy, to: &writer)
                            try writer.endLine()
                        } else {
                            try writer.line(jsonLine(header, row.fields, accuracy))
                        }
                        summary.written += 1
                    case .rejected(let reason):
                        try rejects.reject(line: row.line, reason: reason)
                        summary.rejected += 1
                    }
                }
                chunk.removeAll(keepingCapacity: true)
            }
            while let record = try reader.next(expectedFieldCount: header.names.count) {
                summary.read += 1
                switch record {
                case .fields(let fields, let line): chunk.append(Row(line: line, fields: fields, rejection: nil))
                case .rejected(let line, let reason): chunk.append(Row(line: line, fields: [], rejection: reason))
                }
                if chunk.count == chunkSize {
                    try flushChunk()
                    progress?(summary.read, reader.bytesRead)
                }
            }
            try flushChunk()
            try writer.flush()
        }
        return summary
    }

    struct Row {
        let line: Int
        let fields: [String]
        /// Why the reader already rejected the record, if it did.
        let rejection: String?
    }

    enum Outcome {
        case accuracy(DiagnosticAccuracy)
        case rejected(String)
    }

    /// Computes a chunk on every core; each worker takes a contiguous slice and its own cache.
    private static func compute(
        _ rows: [Row], countColumns: [(String, Int)], settings: Settings, caches: [ProportionIntervalCache?]
    ) -> [Outcome] {
        guard !rows.isEmpty else { return [] }
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
                    to: outcome(shared.rows[index], countColumns: countColumns, settings: settings, cache: shared.caches[worker]))
            }
        }
        let result = Array(outcomes)
        _ = outcomes.deinitialize()
        return result
    }

    private static func outcome(_ row: Row, countColumns: [(String, Int)], settings: Settings, cache: ProportionIntervalCache?) -> Outcome {
        if let rejection = row.rejection { return .rejected(rejection) }
        do throws(StatisticsError) {
            let counts = try countColumns.map { name, column throws(StatisticsError) in
                // Fast path for plain digits; anything else gets the full check and its message.
                if let value = Int(row.fields[column]), value >= 0, value <= TwoByTwoTable.maximumCount,
                    row.fields[column].utf8.first.map({ (0x30...0x39).contains($0) }) == true
                {
                    return value
                }
                return try TwoByTwoTable.count(parsing: row.fields[column], name: name)
            }
            let table: TwoByTwoTable
            do {
                table = try TwoByTwoTable(truePositives: counts[0], falsePositives: counts[1], falseNegatives: counts[2], trueNegatives: counts[3])
            } catch .emptyTable {
                throw .invalidSetting("the 2×2 table is empty (tp, fp, fn and tn are all 0): nothing to estimate")
            }
            return .accuracy(
                try DiagnosticAccuracy(
                    table: table, level: settings.level, proportionMethod: settings.proportionMethod,
                    likelihoodRatioMethod: settings.likelihoodRatioMethod, zeroCellFallback: settings.zeroCellFallback, cache: cache))
        } catch {
            return .rejected(error.description)
        }
    }

    /// Writes one output row straight into the output buffer (no intermediate strings).
    private static func writeCSV(_ fields: [String], _ accuracy: DiagnosticAccuracy, to writer: inout CSVOutput) {
        for (index, field) in fields.enumerated() { writer.field(field, first: index == 0) }
        var notes: [String] = []
        for (key, _, measure) in accuracy.measures {
            writer.number(measure.estimate.finiteValue)
            writer.number(measure.lower.finiteValue)
            writer.number(measure.upper.finiteValue)
            if let note = measure.note { notes.append("\(key): \(note)") }
        }
        writer.field(notes.joined(separator: " "))
    }

    private static func jsonLine(_ header: CSVHeader, _ fields: [String], _ accuracy: DiagnosticAccuracy) -> String {
        var members: [(String, JSONValue)] = [("input", .object(zip(header.jsonKeys, fields).map { ($0, .string($1)) }))]
        if case .object(let measures) = AccuracyReport(accuracy: accuracy).json { members += measures }
        return JSONValue.object(members).serialized()
    }
}
