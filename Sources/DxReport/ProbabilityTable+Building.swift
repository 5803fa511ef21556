import DxEvidence
import DxStats

extension ProbabilityTable {
    /// What a cell shows by default: for several signs the range their
    /// unknown dependence allows and the gate; for one sign, a 2×2 table or
    /// a likelihood ratio, the interval only.
    public static func standardContents(signCount: Int) -> Contents {
        signCount > 1 ? [.dependenceRange, .gate] : []
    }

    /// A column for every result pattern of `selection` (++, +−, −+, −−),
    /// as `dxkit table --sign` prints it; `presets` are the records of
    /// preset rows, for the citations. When `contents` needs the
    /// simulation (the Monte Carlo interval or the gate), every cell runs
    /// its own, so the total work is bounded before any of it starts
    /// (`MonteCarloSettings.checkBudget(runs:what:)` in DxStats).
    ///
    /// ```swift
    /// let evidence = try EvidenceBase.builtIn()
    /// let selection = try SignSelection(parsing: ["closed-fist-percussion"], evidence: evidence)
    /// let table = try ProbabilityTable(selection: selection, rows: [0.3].map { ProbabilityTable.Row(pretest: $0) })
    /// try table.cells(for: table.rows[0])[0].posttest.estimate   // .finite(0.7894736842105263)
    /// ```
    public init(
        selection: SignSelection, rows: [Row], settings: SignCombinationSettings = SignCombinationSettings(), contents: Contents? = nil,
        level: ConfidenceLevel = .ninetyFivePercent, population: Int = 1000, presets: [EvidenceRecord] = []
    ) throws {
        let contents = contents ?? Self.standardContents(signCount: selection.signs.count)
        if contents.needsMonteCarlo {
            try settings.monteCarlo.checkBudget(runs: rows.count * selection.patterns.count, what: "the table's Monte Carlo intervals and gate")
        }
        let columns = try selection.patterns.map { pattern throws(StatisticsError) in
            try ProbabilityTableColumn(label: selection.shortLabel(pattern), findings: selection.findings(pattern), settings: settings, level: level)
        }
        self.init(
            title: "Post-test probability: " + selection.names.joined(separator: " and "), rows: rows, columns: columns,
            contents: contents, level: level, population: population,
            signs: selection.legend, evidence: selection.records + presets, target: try selection.target())
    }

    /// A column for each result of a test with the 2×2 table `counts`
    /// (Mercaldo's logit interval), as `dxkit table --tp … --tn …` prints it.
    public init(
        counts: TwoByTwoTable, results: [TestResult] = [.positive, .negative], rows: [Row], contents: Contents = [],
        level: ConfidenceLevel = .ninetyFivePercent, population: Int = 1000, presets: [EvidenceRecord] = []
    ) throws(StatisticsError) {
        guard !contents.needsMonteCarlo else { throw .invalidSetting("the Monte Carlo interval and the gate need signs") }
        let columns = try results.map { result throws(StatisticsError) in
            try ProbabilityTableColumn(label: result == .positive ? "Positive" : "Negative", table: counts, result: result, level: level)
        }
        self.init(
            title:
                "Post-test probability: test with TP \(counts.truePositives), FP \(counts.falsePositives), FN \(counts.falseNegatives), TN \(counts.trueNegatives)",
            rows: rows, columns: columns, contents: contents, level: level, population: population, evidence: presets)
    }

    /// A column for each likelihood ratio (`LikelihoodRatio.given(_:lower:upper:level:)` in DxStats),
    /// as `dxkit table --lr` prints it.
    public init(
        likelihoodRatios: [IntervalEstimate], rows: [Row], contents: Contents = [], level: ConfidenceLevel = .ninetyFivePercent,
        population: Int = 1000, presets: [EvidenceRecord] = []
    ) throws(StatisticsError) {
        guard !contents.needsMonteCarlo else { throw .invalidSetting("the Monte Carlo interval and the gate need signs") }
        guard !likelihoodRatios.isEmpty else { throw .invalidSetting("no likelihood ratio was given") }
        self.init(
            title: "Post-test probability by likelihood ratio", rows: rows,
            columns: likelihoodRatios.map { ProbabilityTableColumn(label: ProbabilityTableColumn.label(for: $0), likelihoodRatio: $0) },
            contents: contents, level: level, population: population, evidence: presets)
    }
}

extension ProbabilityTableColumn {
    /// A heading with the number as typed (shortest form): "LR 8.75", "LR 0.1".
    public static func label(for likelihoodRatio: IntervalEstimate) -> String {
        "LR " + (likelihoodRatio.estimate.finiteValue.map(JSONValue.numberText) ?? NumberText.significant(likelihoodRatio.estimate))
    }
}
