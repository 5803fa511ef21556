import DxStats

/// CSV in long form: one line per cell (pretest × column), full precision,
/// column names as in `dxkit posttest --format csv`. Every table has the
/// same columns, for one sign, several signs, a 2×2 table or likelihood
/// ratios; a field that does not apply (the dependence range of one sign)
/// or was not asked for (`--show monte-carlo`) is empty, as is an
/// unbounded or inestimable value (never `inf` or `nan`). Headers and the
/// `column` ids are ASCII: `positive`, `negative`, `pos_neg`, `lr_2`.
struct ProbabilityTableCSVWriter: ProbabilityTableWriter {
    static let header = [
        "pretest", "pretest_label", "column", "signs", "lr", "lr_lower", "lr_upper",
        "posttest", "posttest_lower", "posttest_upper", "method",
        "dependence_lower", "dependence_upper", "mc_lower", "mc_upper", "gate_lower", "gate_upper", "classification",
        "population", "with_result", "with_result_and_condition", "level", "note",
    ]

    func opening(_ table: ProbabilityTable) -> String {
        CSV.line(Self.header) + "\n"
    }

    /// An ASCII id for a column: the results of its signs ("positive",
    /// "pos_neg"), "positive"/"negative" for a 2×2 table, "lr_0.5" for a ratio.
    static func columnIdentifier(_ column: ProbabilityTableColumn) -> String {
        switch column.source {
        case .findings(let findings, _):
            if findings.count == 1 { return findings[0].result.rawValue }
            return findings.map { $0.result == .positive ? "pos" : "neg" }.joined(separator: "_")
        case .table(_, let result):
            return result.rawValue
        case .likelihoodRatio(let ratio):
            return "lr_" + (ratio.estimate.finiteValue.map(JSONValue.numberText) ?? "unbounded")
        }
    }

    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String {
        zip(table.columns, cells).map { column, cell in
            let frequency = cell.naturalFrequency
            let signs: String = column.findings.map { "\($0.sign.name)=\($0.result.rawValue)" }.joined(separator: ";")
            var fields: [String] = [JSONValue.numberText(row.pretest), row.label ?? "", Self.columnIdentifier(column), signs]
            fields += [cell.likelihoodRatio.estimate.csvField, cell.likelihoodRatio.lower.csvField, cell.likelihoodRatio.upper.csvField]
            fields += [cell.posttest.estimate.csvField, cell.posttest.lower.csvField, cell.posttest.upper.csvField, cell.posttest.method.rawValue]
            fields += [cell.dependence?.posttestLower.csvField ?? "", cell.dependence?.posttestUpper.csvField ?? ""]
            fields += [cell.monteCarlo?.lower.csvField ?? "", cell.monteCarlo?.upper.csvField ?? ""]
            let gateFields: [String]? = cell.gate.map { [JSONValue.numberText($0.lower), JSONValue.numberText($0.upper), $0.classification.rawValue] }
            fields += gateFields ?? ["", "", ""]
            let frequencyFields: [String]? = frequency.map { [String($0.population), String($0.withResult), String($0.withResultAndCondition)] }
            fields += frequencyFields ?? ["", "", ""]
            fields += [JSONValue.numberText(table.level.value), cell.posttest.notes.filter { !$0.hasPrefix("Assumes") }.joined(separator: " ")]
            return CSV.line(fields) + "\n"
        }.joined()
    }

    func closing(_ table: ProbabilityTable) -> String { "" }
}
