import DxEvidence
import DxStats

extension ProbabilityCurves {
    /// A curve for every result pattern of `selection`, with the gate's
    /// thresholds and, when given, a marked pretest probability, as
    /// `dxkit curves --sign` draws it.
    ///
    /// ```swift
    /// let evidence = try EvidenceBase.builtIn()
    /// let selection = try SignSelection(parsing: ["closed-fist-percussion"], evidence: evidence)
    /// let curves = try ProbabilityCurves(selection: selection)
    /// curves.series.count   // 2
    /// ```
    public init(
        selection: SignSelection, settings: SignCombinationSettings = SignCombinationSettings(), marking pretest: ResolvedPretest? = nil,
        showsDependenceRange: Bool = true, level: ConfidenceLevel = .ninetyFivePercent
    ) throws {
        let patterns = selection.patterns
        guard patterns.count <= PicturePalette.colours.count else {
            throw StatisticsError.invalidSetting(
                "the signs give \(patterns.count) result patterns; curves draws at most \(PicturePalette.colours.count) (give ID=RESULT)")
        }
        let columns = try patterns.map { pattern throws(StatisticsError) in
            try ProbabilityTableColumn(label: selection.longLabel(pattern), findings: selection.findings(pattern), settings: settings, level: level)
        }
        try self.init(
            columns: columns, thresholds: settings.thresholds, markedPretest: pretest.map(Self.marker),
            showsDependenceRange: showsDependenceRange, level: level, subject: selection.jointName, target: try selection.target(),
            seriesTitles: patterns.map { selection.patternName($0) })
    }

    /// A curve for each likelihood ratio, as `dxkit curves --lr` draws it.
    public init(
        likelihoodRatios: [IntervalEstimate], thresholds: GateDecision.Thresholds? = .standard, marking pretest: ResolvedPretest? = nil
    ) throws(StatisticsError) {
        guard !likelihoodRatios.isEmpty, likelihoodRatios.count <= PicturePalette.colours.count else {
            throw .invalidSetting("\(likelihoodRatios.count) likelihood ratios were given; curves draws from 1 to \(PicturePalette.colours.count)")
        }
        let columns = likelihoodRatios.map { ProbabilityTableColumn(label: ProbabilityTableColumn.label(for: $0), likelihoodRatio: $0) }
        try self.init(
            columns: columns, thresholds: thresholds, markedPretest: pretest.map(Self.marker), level: likelihoodRatios[0].level,
            subject: ProbabilityTableColumn.subject(for: likelihoodRatios), seriesTitles: columns.map(\.label))
    }

    /// The marker of a pretest probability: "61.5 % (suspected-acute-vcf)".
    private static func marker(_ pretest: ResolvedPretest) -> (pretest: Double, label: String) {
        (pretest.probability, NumberText.percent(.finite(pretest.probability)) + (pretest.preset.map { " (\($0.id))" } ?? ""))
    }
}
