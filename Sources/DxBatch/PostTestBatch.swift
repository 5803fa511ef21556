import DxIO
import DxReport
import DxStats

/// One post-test probability per CSV row, in input order, in constant
/// memory (`dxkit posttest --input cases.csv`).
///
/// Input: a header with `pretest` (0.3, 30% or 1:3) and either `lr` (with
/// optional `lr_lower` and `lr_upper`) or `tp`, `fp`, `fn`, `tn` and
/// `result` (positive or negative); other columns are copied to the
/// output. Output CSV: the input columns, then likelihoodRatio (estimate,
/// _lower, _upper, _method), posttest, posttest_lower, posttest_upper,
/// posttest_method, notes (or JSON lines, `Schemas/posttest-batch.schema.json`). Malformed rows go to the reject
/// log with their line numbers; read = written + rejected.
///
/// ```swift
/// let output = OutputSink.memory(), rejects = RejectLog(sink: .memory())
/// let summary = try PostTestBatch.run(
///     input: InputSource(text: "pretest,lr\n0.3,8.75\n"), settings: .init(), output: output, rejects: rejects)
/// summary.written   // 1; the posttest column holds 0.7894736842105263 (15/19)
/// ```
public enum PostTestBatch {
    /// How the rows are computed and written.
    public struct Settings: Sendable {
        public var level: ConfidenceLevel
        public var likelihoodRatioMethod: RatioIntervalMethod
        public var format: BatchFormat
        public var formulaSafety: CSV.FormulaSafety
        public var limits: BatchLimits

        public init(
            level: ConfidenceLevel = .ninetyFivePercent, likelihoodRatioMethod: RatioIntervalMethod = .log, format: BatchFormat = .csv,
            formulaSafety: CSV.FormulaSafety = .neutralised, limits: BatchLimits = .standard
        ) {
            self.level = level
            self.likelihoodRatioMethod = likelihoodRatioMethod
            self.format = format
            self.formulaSafety = formulaSafety
            self.limits = limits
        }
    }

    /// The columns added after the input's.
    public static let outputColumns = [
        "likelihoodRatio", "likelihoodRatio_lower", "likelihoodRatio_upper", "likelihoodRatio_method", "posttest", "posttest_lower",
        "posttest_upper", "posttest_method", "notes",
    ]

    /// Runs the batch; throws only when the input cannot be read at all or
    /// reading or writing fails.
    public static func run(
        input: InputSource, settings: Settings, output: OutputSink, rejects: RejectLog, progress: BatchProgress? = nil
    ) throws(BatchError) -> BatchSummary {
        var reader = CSVRecordReader(source: input, limits: settings.limits)
        let header = try BatchInput.header(from: &reader, expected: "a header with pretest and lr, or tp,fp,fn,tn,result")
        let columns = try Columns(header)
        var writer = CSVOutput(sink: output, safety: settings.formulaSafety)
        var summary = BatchSummary()
        try BatchError.collecting {
            if settings.format == .csv { try writer.line(CSV.line(header.names + outputColumns, safety: settings.formulaSafety)) }
            while let record = try reader.next(expectedFieldCount: header.names.count) {
                summary.read += 1
                if summary.read % 256 == 0 { progress?(summary.read, reader.bytesRead) }
                switch record {
                case .rejected(let line, let reason):
                    try rejects.reject(line: line, reason: reason)
                    summary.rejected += 1
                case .fields(let fields, let line):
                    let computed: (pretest: Double, ratio: IntervalEstimate, posttest: IntervalEstimate)
                    do throws(StatisticsError) {
                        computed = try compute(fields, columns: columns, settings: settings)
                    } catch {
                        try rejects.reject(line: line, reason: error.description)
                        summary.rejected += 1
                        continue
                    }
                    let (pretest, ratio, posttest) = computed
                    if settings.format == .csv {
                        for (index, field) in fields.enumerated() { writer.field(field, first: index == 0) }
                        for value in [ratio.estimate, ratio.lower, ratio.upper] { writer.number(value.finiteValue) }
                        writer.field(ratio.method.rawValue)
                        for value in [posttest.estimate, posttest.lower, posttest.upper] { writer.number(value.finiteValue) }
                        writer.field(posttest.method.rawValue)
                        var notes: [String] = []
                        for note in ratio.notes + posttest.notes where !notes.contains(note) { notes.append(note) }
                        writer.field(notes.joined(separator: " "))
                        try writer.endLine()
                    } else {
                        try writer.line(
                            JSONValue.object([
                                ("schemaVersion", .string(OutputSchema.version)),
                                ("input", .object(zip(header.jsonKeys, fields).map { ($0, .string($1)) })), ("pretest", .number(pretest)),
                                ("likelihoodRatio", ratio.json), ("posttest", posttest.json),
                            ]).serialized())
                    }
                    summary.written += 1
                }
            }
            try writer.flush()
        }
        return summary
    }

    /// Where the columns the batch reads are.
    struct Columns {
        let pretest: Int
        let ratio: (estimate: Int?, lower: Int?, upper: Int?)
        let counts: [Int]?
        let result: Int?

        init(_ header: CSVHeader) throws(BatchError) {
            pretest = try header.required("pretest")
            ratio = (header.column("lr"), header.column("lr_lower"), header.column("lr_upper"))
            let countColumns = ["tp", "fp", "fn", "tn"].map(header.column)
            result = header.column("result")
            counts = countColumns.allSatisfy { $0 != nil } && result != nil ? countColumns.map { $0! } : nil
            guard ratio.estimate != nil || counts != nil else {
                throw .header("needs 'lr', or 'tp', 'fp', 'fn', 'tn' and 'result' (found: \(header.names.map(BatchError.shown).joined(separator: ", ")))")
            }
        }
    }

    private static func compute(_ fields: [String], columns: Columns, settings: Settings) throws(StatisticsError) -> (
        Double, IntervalEstimate, IntervalEstimate
    ) {
        let pretest: Double
        do { pretest = try PretestProbability.parse(fields[columns.pretest], name: "pretest") } catch {
            throw .invalidSetting("pretest (\(fields[columns.pretest])) must be a probability: 0.3, 30% or 1:3")
        }
        if let lrColumn = columns.ratio.estimate, !fields[lrColumn].trimmingCharacters(in: " \t").isEmpty {
            let ratio = try givenRatio(
                fields[lrColumn], lower: columns.ratio.lower.map { fields[$0] }, upper: columns.ratio.upper.map { fields[$0] }, level: settings.level)
            return (pretest, ratio, try PostTestProbability.from(pretest: pretest, likelihoodRatio: ratio))
        }
        guard let countColumns = columns.counts, let resultColumn = columns.result else {
            throw .invalidSetting("lr is empty and the row has no counts")
        }
        let counts = try zip(["tp", "fp", "fn", "tn"], countColumns).map { name, index throws(StatisticsError) in
            try TwoByTwoTable.count(parsing: fields[index], name: name)
        }
        let table: TwoByTwoTable
        do {
            table = try TwoByTwoTable(truePositives: counts[0], falsePositives: counts[1], falseNegatives: counts[2], trueNegatives: counts[3])
        } catch .emptyTable {
            throw .invalidSetting("the 2×2 table is empty (tp, fp, fn and tn are all 0): nothing to estimate")
        }
        guard let result = TestResult(rawValue: fields[resultColumn].trimmingCharacters(in: " \t").lowercased()) else {
            throw .invalidSetting("result (\(fields[resultColumn])) must be positive or negative")
        }
        let ratio = try LikelihoodRatio.of(result, on: table, method: settings.likelihoodRatioMethod, level: settings.level)
        let posttest = try PostTestProbability.from(
            pretest: pretest, table: table, result: result, method: settings.likelihoodRatioMethod == .koopman ? .koopman : .logit,
            level: settings.level)
        return (pretest, ratio, posttest)
    }

    /// The columns `lr`, `lr_lower`, `lr_upper` (empty cells are absent):
    /// `LikelihoodRatio.given`, so a lone limit is a reject.
    private static func givenRatio(_ text: String, lower: String?, upper: String?, level: ConfidenceLevel) throws(StatisticsError)
        -> IntervalEstimate
    {
        func number(_ text: String?, _ name: String) throws(StatisticsError) -> Double? {
            guard let text, !text.trimmingCharacters(in: " \t").isEmpty else { return nil }
            guard let value = DecimalNumber.parse(text), value >= 0 else {
                throw .invalidSetting("\(name) (\(text)) must be a finite number ≥ 0")
            }
            return value
        }
        guard let estimate = try number(text, "lr") else { throw .invalidSetting("lr is empty") }
        return try LikelihoodRatio.given(estimate, lower: try number(lower, "lr_lower"), upper: try number(upper, "lr_upper"), level: level)
    }
}
