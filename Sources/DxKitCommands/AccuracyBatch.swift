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

    static let measureKeys = ["sensitivity", "specificity", "ppv", "npv", "prevalence", "accuracy",
                              "lrPositive", "lrNegative", "diagnosticOddsRatio", "youden"]

    func run(handle: FileHandle, rejects: RejectLog) throws -> (read: Int, written: Int) {
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
        while let record = reader.next() {
            if record.fields.count == 1 && record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            read += 1
            do {
                if record.unterminated { throw InputError("a quoted field is not closed") }
                guard record.fields.count == header.count else {
                    throw InputError("\(record.fields.count) fields, the header has \(header.count)")
                }
                let counts = try countColumns.map { name, column in
                    // Fast path for plain digits; anything else gets the full check and its message.
                    if let value = Int(record.fields[column]), value >= 0, value <= 1_000_000_000 { return value }
                    return try TableOptions.count(record.fields[column], flag: name)
                }
                let table: TwoByTwoTable
                do {
                    table = try TwoByTwoTable(truePositives: counts[0], falsePositives: counts[1], falseNegatives: counts[2], trueNegatives: counts[3])
                } catch { throw InputError(error) }
                let accuracy = try DiagnosticAccuracy(
                    table: table, level: level, proportionMethod: proportionMethod,
                    likelihoodRatioMethod: likelihoodRatioMethod, zeroCellFallback: zeroCellFallback)
                if format == .csv { writeCSV(record.fields, accuracy, to: output) } else {
                    output.write(line: jsonLine(header, record.fields, accuracy))
                }
                written += 1
            } catch let error as InputError {
                rejects.reject(line: reader.lineNumber, reason: error.description)
            } catch let error as StatisticsError {
                rejects.reject(line: reader.lineNumber, reason: error.description)
            }
        }
        output.flush()
        return (read, written)
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
