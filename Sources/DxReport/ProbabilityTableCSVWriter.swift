import DxStats

/// CSV in long form: one line per cell (pretest × column), full precision,
/// column names as in `dxkit posttest --format csv`. An unbounded or
/// inestimable value is an empty field (never `inf` or `nan`).
struct ProbabilityTableCSVWriter: ProbabilityTableWriter {
    private func fields(_ table: ProbabilityTable) -> (dependence: Bool, monteCarlo: Bool, gate: Bool, frequencies: Bool) {
        (table.hasSeveralSigns, table.contents.contains(.monteCarlo), table.contents.contains(.gate), table.contents.contains(.naturalFrequencies))
    }

    func opening(_ table: ProbabilityTable) -> String {
        let shown = fields(table)
        var header = [
            "pretest", "pretest_label", "column", "signs", "lr", "lr_lower", "lr_upper",
            "posttest", "posttest_lower", "posttest_upper", "method",
        ]
        if shown.dependence { header += ["dependence_lower", "dependence_upper"] }
        if shown.monteCarlo { header += ["mc_lower", "mc_upper"] }
        if shown.gate { header += ["gate_lower", "gate_upper", "classification"] }
        if shown.frequencies { header += ["population", "with_result", "with_result_and_condition"] }
        return CSV.line(header + ["level", "note"]) + "\n"
    }

    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String {
        let shown = fields(table)
        return zip(table.columns, cells).map { column, cell in
            var fields = [
                JSONValue.numberText(row.pretest), row.label ?? "", column.label,
                column.findings.map { "\($0.sign.name)=\($0.result.rawValue)" }.joined(separator: ";"),
                cell.likelihoodRatio.estimate.csvField, cell.likelihoodRatio.lower.csvField, cell.likelihoodRatio.upper.csvField,
                cell.posttest.estimate.csvField, cell.posttest.lower.csvField, cell.posttest.upper.csvField, cell.posttest.method.rawValue,
            ]
            if shown.dependence { fields += [cell.dependence?.posttestLower.csvField ?? "", cell.dependence?.posttestUpper.csvField ?? ""] }
            if shown.monteCarlo { fields += [cell.monteCarlo?.lower.csvField ?? "", cell.monteCarlo?.upper.csvField ?? ""] }
            if shown.gate {
                fields += [
                    cell.gate.map { JSONValue.numberText($0.lower) } ?? "", cell.gate.map { JSONValue.numberText($0.upper) } ?? "",
                    cell.gate?.classification.rawValue ?? "",
                ]
            }
            if shown.frequencies {
                let frequency = cell.naturalFrequency
                fields += [
                    frequency.map { String($0.population) } ?? "", frequency.map { String($0.withResult) } ?? "",
                    frequency.map { String($0.withResultAndCondition) } ?? "",
                ]
            }
            let notes = cell.posttest.notes.filter { !$0.hasPrefix("Assumes") }.joined(separator: " ")
            return CSV.line(fields + [JSONValue.numberText(table.level.value), notes]) + "\n"
        }.joined()
    }

    func closing(_ table: ProbabilityTable) -> String { "" }
}
