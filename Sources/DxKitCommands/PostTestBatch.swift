import DxReport
import DxStats
import Foundation

/// `dxkit posttest --input cases.csv`: one post-test probability per row,
/// in input order, in constant memory.
///
/// Input: a header with `pretest` (0.3, 30% or 1:3) and either `lr` (with
/// optional `lr_lower` and `lr_upper`) or `tp`, `fp`, `fn`, `tn` and `result`
/// (positive or negative); other columns are copied to the output. Output CSV:
/// the input columns, then likelihoodRatio (estimate, _lower, _upper, _method), posttest,
/// posttest_lower, posttest_upper, posttest_method, notes (JSON lines with
/// --format json). Malformed rows are reported with their line numbers.
struct PostTestBatch {
    let level: ConfidenceLevel
    let likelihoodRatioMethod: RatioIntervalMethod
    let format: OutputFormat

    func run(handle: FileHandle, rejects: RejectLog, progress: ProgressReporter) throws -> (read: Int, written: Int) {
        var reader = CSVReader(handle: handle)
        guard let header = reader.next()?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            throw InputError("--input: the file is empty (expected a header with pretest and lr, or tp,fp,fn,tn,result)")
        }
        func column(_ name: String) -> Int? { header.firstIndex { $0.lowercased() == name } }
        guard let pretestColumn = column("pretest") else {
            throw InputError("--input: the header has no 'pretest' column (found: \(header.joined(separator: ", ")))")
        }
        let ratioColumns = (column("lr"), column("lr_lower"), column("lr_upper"))
        let countColumns = ["tp", "fp", "fn", "tn"].map(column)
        let resultColumn = column("result")
        let byCounts = countColumns.allSatisfy { $0 != nil } && resultColumn != nil
        guard ratioColumns.0 != nil || byCounts else {
            throw InputError("--input: the header needs 'lr', or 'tp', 'fp', 'fn', 'tn' and 'result'")
        }
        let output = BufferedOutput()
        if format == .csv {
            output.write(
                line: CSV.line(
                    header + [
                        "likelihoodRatio", "likelihoodRatio_lower", "likelihoodRatio_upper", "likelihoodRatio_method", "posttest", "posttest_lower",
                        "posttest_upper", "posttest_method", "notes",
                    ]))
        }
        var read = 0, written = 0
        while let record = reader.next() {
            if record.fields.count == 1 && record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            read += 1
            if read % 256 == 0 { progress.update(items: read, bytes: reader.bytesRead) }
            do {
                if record.unterminated { throw InputError("a quoted field is not closed") }
                guard record.fields.count == header.count else {
                    throw InputError("\(record.fields.count) fields, the header has \(header.count)")
                }
                let fields = record.fields
                let pretest: Double
                do { pretest = try PretestProbability.parse(fields[pretestColumn], name: "pretest") } catch {
                    throw InputError("pretest (\(fields[pretestColumn])) must be a probability: 0.3, 30% or 1:3")
                }
                let ratio: IntervalEstimate, posttest: IntervalEstimate
                if let lrColumn = ratioColumns.0, !fields[lrColumn].isEmpty {
                    ratio = try givenRatio(fields[lrColumn], lower: ratioColumns.1.map { fields[$0] }, upper: ratioColumns.2.map { fields[$0] })
                    posttest = try PostTestProbability.from(pretest: pretest, likelihoodRatio: ratio)
                } else if byCounts {
                    let counts = try zip(["tp", "fp", "fn", "tn"], countColumns).map { name, index in try TableOptions.count(fields[index!], flag: name) }
                    let table: TwoByTwoTable
                    do {
                        table = try TwoByTwoTable(truePositives: counts[0], falsePositives: counts[1], falseNegatives: counts[2], trueNegatives: counts[3])
                    } catch {
                        throw InputError(error)
                    }
                    guard let result = TestResult(rawValue: fields[resultColumn!].lowercased()) else {
                        throw InputError("result (\(fields[resultColumn!])) must be positive or negative")
                    }
                    ratio =
                        result == .positive
                        ? try LikelihoodRatio.positive(of: table, method: likelihoodRatioMethod, level: level)
                        : try LikelihoodRatio.negative(of: table, method: likelihoodRatioMethod, level: level)
                    posttest = try PostTestProbability.from(
                        pretest: pretest, table: table, result: result,
                        method: likelihoodRatioMethod == .koopman ? .koopman : .logit, level: level)
                } else {
                    throw InputError("lr is empty and the row has no counts")
                }
                if format == .csv {
                    for (index, field) in fields.enumerated() { output.appendField(field, first: index == 0) }
                    for value in [ratio.estimate, ratio.lower, ratio.upper] { output.appendNumber(value.finiteValue) }
                    output.appendField(ratio.method.rawValue)
                    for value in [posttest.estimate, posttest.lower, posttest.upper] { output.appendNumber(value.finiteValue) }
                    output.appendField(posttest.method.rawValue)
                    var notes: [String] = []
                    for note in ratio.notes + posttest.notes where !notes.contains(note) { notes.append(note) }
                    output.appendField(notes.joined(separator: " "))
                    output.endLine()
                } else {
                    output.write(
                        line: JSONValue.object([
                            ("input", .object(zip(header, fields).map { ($0, .string($1)) })), ("pretest", .number(pretest)),
                            ("likelihoodRatio", ratio.json), ("posttest", posttest.json),
                        ]).serialized())
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

    /// The columns `lr`, `lr_lower`, `lr_upper` (empty cells are absent): `LikelihoodRatio.given`, so a lone limit is a reject.
    private func givenRatio(_ text: String, lower: String?, upper: String?) throws -> IntervalEstimate {
        func number(_ text: String?, _ name: String) throws -> Double? {
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else {
                throw InputError("\(name) (\(text)) must be a finite number ≥ 0")
            }
            return value
        }
        guard let estimate = try number(text, "lr") else { throw InputError("lr is empty") }
        return try LikelihoodRatio.given(estimate, lower: try number(lower, "lr_lower"), upper: try number(upper, "lr_upper"), level: level)
    }
}
