import DxStats

/// Post-test probability against pretest probability, one curve per result
/// (pattern) or likelihood ratio, each with its confidence interval as a
/// ribbon: post = π·LR / (π·LR + 1 − π) over π ∈ [0, 1].
///
/// The points are the cells of `ProbabilityTableColumn`, so every point on
/// a curve is what `dxkit posttest` prints for that pretest probability.
/// The gate's thresholds are drawn as horizontal lines; the interval, not
/// the estimate, is what the gate compares with them. The drawing is in
/// `ProbabilityCurves+SVG.swift`.
///
/// Example: a positive closed-fist percussion sign (LR+ 8.75) turns a
/// pretest probability of 30 % into 78.9 % (56.0–91.7 %).
public struct ProbabilityCurves: Sendable {
    /// One curve.
    public struct Series: Sendable {
        /// The column's label, e.g. "closed-fist-percussion +, supine-sign −".
        public let label: String
        /// The legend's words for it, e.g. "Closed-fist percussion sign
        /// (Langdon 2010/2011) positive, Supine sign (Langdon 2010/2011) negative".
        public let title: String
        public let likelihoodRatio: IntervalEstimate
        public let points: [ProbabilityTableCell]
    }

    /// A pretest probability marked with a vertical line, e.g. a preset.
    public struct Marker: Sendable {
        public let pretest: Double
        public let label: String
        public let cells: [ProbabilityTableCell]
    }

    public let title: String
    public let series: [Series]
    public let thresholds: GateDecision.Thresholds?
    public let marker: Marker?
    public let level: ConfidenceLevel
    /// Whether to draw the dependence range of several signs (dotted).
    public let showsDependenceRange: Bool
    /// What the curves are, for the title, e.g. "Closed-fist percussion sign (Langdon 2010/2011)".
    public let subject: String?
    /// What every post-test probability is the probability of, when known.
    public let target: TargetCondition?

    /// The pretest probabilities at which curves are evaluated: every
    /// 1/400, plus points near 0 and 1 where the curves are steep.
    public static let pretestSamples: [Double] = {
        let ends = [0.0001, 0.0002, 0.0005, 0.001, 0.0015]
        let grid = (0...400).map { Double($0) / 400 }
        return (grid + ends + ends.map { 1 - $0 }).sorted()
    }()

    /// Evaluates every column over `pretestSamples` (and at `markedPretest`).
    /// `seriesTitles` (one per column) are the legend's words for the
    /// columns; without them the legend uses the columns' labels.
    public init(
        title: String = "Post-test probability by pretest probability", columns: [ProbabilityTableColumn],
        thresholds: GateDecision.Thresholds?, markedPretest: (pretest: Double, label: String)? = nil,
        showsDependenceRange: Bool = true, level: ConfidenceLevel, subject: String? = nil, target: TargetCondition? = nil,
        seriesTitles: [String]? = nil
    ) throws(StatisticsError) {
        precondition(!columns.isEmpty, "curves need at least one column")
        precondition(seriesTitles == nil || seriesTitles?.count == columns.count, "one title per column")
        var series: [Series] = []
        for (index, column) in columns.enumerated() {
            var points: [ProbabilityTableCell] = []
            for pretest in Self.pretestSamples { points.append(try column.cell(pretest: pretest)) }
            series.append(
                Series(label: column.label, title: seriesTitles?[index] ?? column.label, likelihoodRatio: column.likelihoodRatio, points: points))
        }
        if let markedPretest {
            var cells: [ProbabilityTableCell] = []
            for column in columns { cells.append(try column.cell(pretest: markedPretest.pretest)) }
            marker = Marker(pretest: markedPretest.pretest, label: markedPretest.label, cells: cells)
        } else {
            marker = nil
        }
        self.title = title
        self.series = series
        self.thresholds = thresholds
        self.level = level
        self.showsDependenceRange = showsDependenceRange
        self.subject = subject
        self.target = target
    }

    /// The numbers drawn (`Schemas/curves.schema.json`): each series with
    /// its points (`pretest`, `posttest` and, for several signs,
    /// `dependence`), the thresholds and the marker.
    public var json: JSONValue { JSONValueEncoder.value(of: self) }
}

extension ProbabilityCurves: Encodable {
    private enum Keys: String, CodingKey {
        case schemaVersion, title, subject, target, series, thresholds, marker, level
        case label, likelihoodRatio, points, pretest, posttest, dependence
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(OutputSchema.version, forKey: .schemaVersion)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(target, forKey: .target)
        var seriesContainer = container.nestedUnkeyedContainer(forKey: .series)
        for series in series {
            var one = seriesContainer.nestedContainer(keyedBy: Keys.self)
            try one.encode(series.label, forKey: .label)
            try one.encode(series.likelihoodRatio, forKey: .likelihoodRatio)
            var points = one.nestedUnkeyedContainer(forKey: .points)
            for point in series.points {
                var pointContainer = points.nestedContainer(keyedBy: Keys.self)
                try pointContainer.encode(point.pretest, forKey: .pretest)
                try pointContainer.encode(point.posttest, forKey: .posttest)
                if let dependence = point.dependence {
                    try pointContainer.encode(CombinedPostTest.DependenceRange.Output(dependence, level: level), forKey: .dependence)
                }
            }
        }
        try container.encodeIfPresent(thresholds, forKey: .thresholds)
        if let marker {
            var markerContainer = container.nestedContainer(keyedBy: Keys.self, forKey: .marker)
            try markerContainer.encode(marker.pretest, forKey: .pretest)
            try markerContainer.encode(marker.label, forKey: .label)
            try markerContainer.encode(marker.cells.map(\.posttest), forKey: .posttest)
        }
        try container.encode(level.value, forKey: .level)
    }
}
