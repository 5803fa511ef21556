import DxEvidence
import DxStats

extension FaganNomogram {
    /// One line per sign and result, each sign alone (every result of a
    /// sign written without one), as `dxkit nomogram --sign` draws it.
    ///
    /// ```swift
    /// let evidence = try EvidenceBase.builtIn()
    /// let selection = try SignSelection(parsing: ["closed-fist-percussion"], evidence: evidence)
    /// let nomogram = try FaganNomogram(selection: selection, pretest: .number(0.3, about: nil))
    /// nomogram.lines.count   // 2
    /// ```
    public init(selection: SignSelection, pretest: ResolvedPretest, level: ConfidenceLevel = .ninetyFivePercent) throws {
        try Self.checkAxis(pretest)
        var lines: [Line] = []
        for (index, fixed) in selection.fixedResults.enumerated() {
            for result in fixed.map({ [$0] }) ?? [.positive, .negative] {
                lines.append(try Self.line(selection, index, result, pretest: pretest.probability, level: level).line)
            }
        }
        guard lines.count <= PicturePalette.colours.count else {
            throw StatisticsError.invalidSetting(
                "the signs give \(lines.count) lines; a nomogram draws at most \(PicturePalette.colours.count) (give ID=RESULT)")
        }
        self.init(
            pretest: pretest.probability, pretestDescription: pretest.description, lines: lines, level: level, subject: selection.jointName,
            target: try selection.target())
    }

    /// Two steps: the first sign's post-test probability becomes the second
    /// sign's pretest; the bar on the last axis is both signs together
    /// (with `dependence`, and the range an unknown dependence allows), as
    /// `dxkit nomogram --two-step` draws it. Both signs need a result.
    public init(
        twoStepsOf selection: SignSelection, pretest: ResolvedPretest, dependence: SignDependence = .unknown,
        level: ConfidenceLevel = .ninetyFivePercent
    ) throws {
        try Self.checkAxis(pretest)
        guard selection.signs.count == 2, let first = selection.fixedResults[0], let second = selection.fixedResults[1] else {
            throw StatisticsError.invalidSetting(
                "two steps need exactly two signs with a result each, e.g. closed-fist-percussion=positive and supine-sign=positive")
        }
        let (firstLine, firstCell) = try Self.line(selection, 0, first, pretest: pretest.probability, level: level)
        guard let intermediate = firstCell.posttest.estimate.finiteValue, intermediate > 0, intermediate < 1 else {
            throw StatisticsError.invalidSetting(
                "after \(selection.names[0]) the post-test probability is \(NumberText.percent(firstCell.posttest.estimate)): nothing is left for a second step"
            )
        }
        let secondLine = try Self.line(selection, 1, second, pretest: intermediate, level: level).line
        let combined = try ProbabilityTableColumn(
            label: "", findings: selection.findings([first, second]), settings: SignCombinationSettings(dependence: dependence), level: level
        ).cell(pretest: pretest.probability)
        self.init(
            pretest: pretest.probability, pretestDescription: pretest.description, lines: [firstLine],
            secondStep: .init(
                line: secondLine, combined: combined.posttest, dependenceLower: combined.dependence?.posttestLower,
                dependenceUpper: combined.dependence?.posttestUpper),
            level: level, subject: selection.patternName([first, second], separator: ", then "), target: try selection.target())
    }

    /// One line per likelihood ratio, as `dxkit nomogram --lr` draws it.
    public init(likelihoodRatios: [IntervalEstimate], pretest: ResolvedPretest) throws(StatisticsError) {
        try Self.checkAxis(pretest)
        guard !likelihoodRatios.isEmpty, likelihoodRatios.count <= PicturePalette.colours.count else {
            throw .invalidSetting(
                "\(likelihoodRatios.count) likelihood ratios were given; a nomogram draws from 1 to \(PicturePalette.colours.count) lines")
        }
        let lines = try likelihoodRatios.map { ratio throws(StatisticsError) in
            let cell = try ProbabilityTableColumn(label: "", likelihoodRatio: ratio).cell(pretest: pretest.probability)
            return Line(label: ProbabilityTableColumn.label(for: ratio), likelihoodRatio: cell.likelihoodRatio, posttest: cell.posttest)
        }
        self.init(
            pretest: pretest.probability, pretestDescription: pretest.description, lines: lines, level: likelihoodRatios[0].level,
            subject: ProbabilityTableColumn.subject(for: likelihoodRatios))
    }

    /// Whether `probability` lies on the nomogram's probability axes, 0.1 % to 99.9 %.
    public static func axisContains(_ probability: Double) -> Bool {
        probability >= FaganScale.probabilityLimit && probability <= 1 - FaganScale.probabilityLimit
    }

    /// The pretest must lie on the axis.
    private static func checkAxis(_ pretest: ResolvedPretest) throws(StatisticsError) {
        guard axisContains(pretest.probability) else {
            throw .invalidSetting("the pretest probability (\(pretest.description)) is outside the nomogram's axis, 0.1 % to 99.9 %")
        }
    }

    /// The line of sign `index` with `result` alone, from `pretest`, and its cell.
    private static func line(
        _ selection: SignSelection, _ index: Int, _ result: TestResult, pretest: Double, level: ConfidenceLevel
    ) throws(StatisticsError) -> (line: Line, cell: ProbabilityTableCell) {
        let column = try ProbabilityTableColumn(label: "", findings: [.init(selection.signs[index], result)], level: level)
        let cell = try column.cell(pretest: pretest)
        return (Line(label: "\(selection.names[index]): \(result.rawValue)", likelihoodRatio: cell.likelihoodRatio, posttest: cell.posttest), cell)
    }
}

extension ProbabilityTableColumn {
    /// A title's words for likelihood ratios: "likelihood ratio 8.75", "likelihood ratios 0.1, 0.5, 2 and 10".
    public static func subject(for likelihoodRatios: [IntervalEstimate]) -> String {
        let values = likelihoodRatios.map { String(label(for: $0).dropFirst(3)) }
        guard values.count > 1 else { return "likelihood ratio " + (values.first ?? "") }
        return "likelihood ratios " + values.dropLast().joined(separator: ", ") + " and " + values[values.count - 1]
    }
}
