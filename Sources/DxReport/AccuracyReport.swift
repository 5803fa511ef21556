import DxEvidence
import DxStats

/// Renders the accuracy measures of one 2×2 table in every output format.
///
/// JSON (`Schemas/accuracy.schema.json`): `schemaVersion`, `counts`,
/// `level`, `sensitivity`, `specificity`, `ppv`, `npv`, `prevalence`,
/// `accuracy`, `positiveLikelihoodRatio`, `negativeLikelihoodRatio`,
/// `diagnosticOddsRatio`, `youden`, each in the one interval shape
/// (`lrPositive` and `lrNegative` repeat the likelihood ratios for one
/// version), and with `--prevalence` `atPrevalence`, `ppvAtPrevalence`,
/// `npvAtPrevalence`.
public struct AccuracyReport: Report, Sendable {
    public let accuracy: DiagnosticAccuracy
    /// Predictive values at a prevalence the user gave, if any.
    public let predictiveValuesAtPrevalence: (prevalence: Double, positive: IntervalEstimate, negative: IntervalEstimate)?

    public init(
        accuracy: DiagnosticAccuracy,
        predictiveValuesAtPrevalence: (prevalence: Double, positive: IntervalEstimate, negative: IntervalEstimate)? = nil
    ) {
        self.accuracy = accuracy
        self.predictiveValuesAtPrevalence = predictiveValuesAtPrevalence
    }

    private static let probabilityKeys: Set<String> = [
        "sensitivity", "specificity", "ppv", "npv", "prevalence", "accuracy", "ppvAtPrevalence", "npvAtPrevalence",
    ]

    private var rows: [(key: String, name: String, value: IntervalEstimate)] {
        var rows = accuracy.measures
        if let extra = predictiveValuesAtPrevalence {
            let shown = NumberText.significant(extra.prevalence, digits: 3)
            rows.append(("ppvAtPrevalence", "PPV at prevalence \(shown)", extra.positive))
            rows.append(("npvAtPrevalence", "NPV at prevalence \(shown)", extra.negative))
        }
        return rows
    }

    /// The document `dxkit accuracy --format json` prints (`Schemas/accuracy.schema.json`).
    public var json: JSONValue { JSONValueEncoder.value(of: self) }

    public var csv: String {
        var lines = [CSV.line(["measure", "estimate", "lower", "upper", "method", "level", "note"])]
        for row in rows {
            let value = row.value
            lines.append(
                CSV.line([
                    row.key, value.estimate.csvField, value.lower.csvField, value.upper.csvField, value.method.rawValue,
                    JSONValue.numberText(value.level.value), value.note ?? "",
                ]))
        }
        return lines.joined(separator: "\n")
    }

    private func cells(for row: (key: String, name: String, value: IntervalEstimate)) -> [String] {
        let value = row.value
        if Self.probabilityKeys.contains(row.key) {
            return [
                row.name, NumberText.percent(value.estimate),
                "\(NumberText.percent(value.lower)) – \(NumberText.percent(value.upper))", value.method.displayName,
            ]
        }
        return [
            row.name, NumberText.significant(value.estimate),
            "\(NumberText.significant(value.lower)) – \(NumberText.significant(value.upper))", value.method.displayName,
        ]
    }

    private var measureTable: TextTable {
        var table = TextTable(
            header: ["Measure", "Estimate", "\(NumberText.level(accuracy.level)) CI", "Method"],
            alignments: [.left, .right, .right, .left])
        table.rows = rows.map(cells(for:))
        return table
    }

    private var notes: [String] {
        rows.compactMap { row in row.value.note.map { "\(row.name): \($0)" } }
    }

    public var text: String {
        let table = accuracy.table
        var countsTable = TextTable(header: ["", "Condition +", "Condition −", "Total"], alignments: [.left, .right, .right, .right])
        countsTable.rows = [
            ["Test +", "\(table.truePositives) TP", "\(table.falsePositives) FP", "\(table.testPositive)"],
            ["Test −", "\(table.falseNegatives) FN", "\(table.trueNegatives) TN", "\(table.testNegative)"],
            ["Total", "\(table.withCondition)", "\(table.withoutCondition)", "\(table.total)"],
        ]
        var sections = [
            "Diagnostic accuracy (\(NumberText.level(accuracy.level)) confidence intervals)",
            countsTable.renderText(),
            measureTable.renderText(),
        ]
        if !notes.isEmpty { sections.append("Notes:\n" + notes.map { "- " + $0 }.joined(separator: "\n")) }
        sections.append(Disclaimer.text)
        return sections.joined(separator: "\n\n")
    }

    public var markdown: String {
        let table = accuracy.table
        var sections = [
            "**Diagnostic accuracy** — TP \(table.truePositives), FP \(table.falsePositives), FN \(table.falseNegatives), TN \(table.trueNegatives); \(NumberText.level(accuracy.level)) confidence intervals.",
            measureTable.renderMarkdown(),
        ]
        if !notes.isEmpty { sections.append(notes.map { "- " + $0 }.joined(separator: "\n")) }
        sections.append("_\(Disclaimer.text)_")
        return sections.joined(separator: "\n\n")
    }
}

extension AccuracyReport: Encodable {
    enum CodingKeys: String, CodingKey { case schemaVersion, atPrevalence, ppvAtPrevalence, npvAtPrevalence }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(OutputSchema.version, forKey: .schemaVersion)
        try accuracy.encode(to: encoder)
        if let extra = predictiveValuesAtPrevalence {
            try container.encode(extra.prevalence, forKey: .atPrevalence)
            try container.encode(extra.positive, forKey: .ppvAtPrevalence)
            try container.encode(extra.negative, forKey: .npvAtPrevalence)
        }
    }
}
