import DxEvidence
import DxStats

/// A table of post-test probabilities: one row per pretest probability, one
/// column per result (of one sign), result pattern (of several signs) or
/// likelihood ratio. Every cell equals what `dxkit posttest` prints for the
/// same pretest probability and evidence (see `ProbabilityTableColumn`).
///
/// Rows are computed one at a time (`cells(for:)`), so a long grid streams:
/// `write(_:to:)` hands each rendered row to its caller as soon as it is
/// ready.
///
/// ```swift
/// let percussionTable = try TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27)
/// let sign = try SignAccuracy(name: "closed-fist-percussion", table: percussionTable)
/// let table = ProbabilityTable(
///     title: "Closed-fist percussion sign",
///     rows: [0.1, 0.3, 0.5].map { ProbabilityTable.Row(pretest: $0) },
///     columns: [try ProbabilityTableColumn(label: "Positive", findings: [.init(sign, .positive)], level: .ninetyFivePercent)],
///     level: .ninetyFivePercent)
/// try table.cells(for: table.rows[1])[0].posttest   // 78.9 % (56.0 – 91.7 %), as dxkit posttest
/// ```
public struct ProbabilityTable: Sendable {
    /// A row: a pretest probability, and the preset it came from, if any.
    public struct Row: Sendable, Hashable {
        public let pretest: Double
        /// E.g. "suspected-acute-vcf".
        public let label: String?

        public init(pretest: Double, label: String? = nil) {
            self.pretest = pretest
            self.label = label
        }
    }

    /// What a cell shows besides the post-test probability and its interval.
    public struct Contents: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Several signs: the post-test range their unknown dependence allows.
        public static let dependenceRange = Contents(rawValue: 1 << 0)
        /// Sign columns: the Monte Carlo interval (runs the simulation per cell).
        public static let monteCarlo = Contents(rawValue: 1 << 1)
        /// Sign columns: the gate's classification and interval (runs the simulation per cell).
        public static let gate = Contents(rawValue: 1 << 2)
        /// Natural frequencies ("263 of 333").
        public static let naturalFrequencies = Contents(rawValue: 1 << 3)

        /// The names accepted by `dxkit table --show`.
        public static let names: [(String, Contents)] = [
            ("interval", []), ("range", .dependenceRange), ("monte-carlo", .monteCarlo), ("gate", .gate), ("frequencies", .naturalFrequencies),
        ]

        /// Whether the Monte Carlo simulation must run in every cell.
        public var needsMonteCarlo: Bool { contains(.monteCarlo) || contains(.gate) }
    }

    /// A sign named in the table's legend: its id and its display name.
    public struct Sign: Sendable, Hashable {
        public let id: String
        public let name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public let title: String
    public let rows: [Row]
    public let columns: [ProbabilityTableColumn]
    public let contents: Contents
    public let level: ConfidenceLevel
    /// N for natural frequencies.
    public let population: Int
    /// The signs behind the sign columns, in order.
    public let signs: [Sign]
    /// The evidence records behind the numbers, for citations.
    public let evidence: [EvidenceRecord]
    /// What every post-test probability is the probability of, when known;
    /// the text, HTML and LaTeX captions name it.
    public let target: TargetCondition?

    public init(
        title: String, rows: [Row], columns: [ProbabilityTableColumn], contents: Contents = [], level: ConfidenceLevel,
        population: Int = 1000, signs: [Sign] = [], evidence: [EvidenceRecord] = [], target: TargetCondition? = nil
    ) {
        precondition(!columns.isEmpty, "a table needs at least one column")
        precondition(population > 0, "natural frequencies need a population of at least 1")
        self.title = title
        self.rows = rows
        self.columns = columns
        self.contents = contents
        self.level = level
        self.population = population
        self.signs = signs
        self.evidence = evidence
        self.target = target
    }

    /// The caption under the title: "Post-test probability (95 % CI) of
    /// acute fracture on MRI among … by pretest probability."
    var caption: String {
        "Post-test probability (\(NumberText.level(level)) CI)" + (target.map { " of \($0.description)," } ?? "") + " by pretest probability."
    }

    /// The evidence's citations for readers (without curators' notes), each
    /// once: two signs from one study cite it once.
    var citationsForReaders: [String] {
        var seen: Set<String> = []
        return evidence.flatMap(\.citations).map(ReaderText.citation).filter { seen.insert($0).inserted }
    }

    /// The cells of one row, left to right.
    public func cells(for row: Row) throws(StatisticsError) -> [ProbabilityTableCell] {
        var cells: [ProbabilityTableCell] = []
        cells.reserveCapacity(columns.count)
        for column in columns {
            cells.append(
                try column.cell(
                    pretest: row.pretest, monteCarlo: contents.needsMonteCarlo && !column.findings.isEmpty,
                    population: contents.contains(.naturalFrequencies) ? population : nil))
        }
        return cells
    }

    /// Whether any column combines two or more signs.
    var hasSeveralSigns: Bool { columns.contains { $0.findings.count > 1 } }

    /// The explanations printed under the table (methods, legend, notes of
    /// the likelihood ratios), and last the disclaimer.
    public var notes: [String] {
        var notes: [String] = []
        let levelText = NumberText.level(level)
        if columns.contains(where: { !$0.findings.isEmpty }) {
            notes.append(
                "Each cell: the post-test probability with its \(levelText) confidence interval, exactly as dxkit posttest --sign reports it: "
                    + "for one sign Mercaldo's logit interval (2007), which is the likelihood ratio's log interval (Simel 1991) carried through the odds "
                    + "(adjusted with a zero cell)"
                    + (hasSeveralSigns
                        ? "; for several signs the log interval of the product of their likelihood ratios, the variances of the logs added." : "."))
        }
        if columns.contains(where: { if case .table = $0.source { true } else { false } }) {
            notes.append(
                "Each cell: the post-test probability with its \(levelText) logit confidence interval (Mercaldo 2007), "
                    + "exactly as dxkit posttest --tp --fp --fn --tn --result reports it.")
        }
        let ratios = columns.filter { if case .likelihoodRatio = $0.source { true } else { false } }
        if !ratios.isEmpty {
            let withoutInterval = ratios.allSatisfy { $0.likelihoodRatio.lower == $0.likelihoodRatio.upper }
            notes.append(
                "Likelihood-ratio columns: post-test odds = pretest odds × LR"
                    + (withoutInterval
                        ? "; the ratios were given without intervals, so the cells have none." : ", with the given limits carried through the odds."))
        }
        if signs.count > 1 {
            let legend = signs.enumerated().map { "\($0.offset + 1). \($0.element.name)" }.joined(separator: "; ")
            notes.append("Columns: the results of \(legend) (+ positive, − negative).")
        }
        if hasSeveralSigns {
            notes.append(
                "Several signs are combined as if conditionally independent. They were examined on the same patients, so their errors are "
                    + "probably correlated: \(contents.contains(.dependenceRange) ? "'range' is" : "the JSON key dependence gives") the range of post-test "
                    + "probabilities the two 2×2 tables allow (Fréchet bounds at the point estimates).")
        }
        if contents.needsMonteCarlo, let settings = monteCarloSettings {
            notes.append(
                "Monte Carlo (MC): \(settings.draws) draws, seed \(settings.seed), Jeffreys Beta posteriors for every sensitivity and specificity; "
                    + "the same numbers as dxkit posttest with the same --draws and --seed.")
        }
        if contents.contains(.gate), let thresholds {
            notes.append(
                "Gate: LIKELY when the whole gate interval is at or above \(NumberText.percent(.finite(thresholds.upper))), LESS LIKELY when it is at "
                    + "or below \(NumberText.percent(.finite(thresholds.lower))) (policy thresholds, not evidence), otherwise INDETERMINATE; "
                    + "less likely is not ruled out. The gate interval covers sampling uncertainty and, for several signs with unknown dependence, "
                    + "the dependence range.")
        }
        if contents.contains(.naturalFrequencies) {
            notes.append(
                "Natural frequencies 'x of y': of \(population) patients at this pretest probability, y would have this result and x of "
                    + "them the condition (point estimates, rounded to whole patients\(hasSeveralSigns ? "; several signs as if independent" : "")). "
                    + "For a bare likelihood ratio: x of \(population) patients with this result.")
        }
        // A ratio given without limits is already explained above.
        var seen: Set<String> = Set(columns.filter { $0.likelihoodRatio.method == .given }.flatMap(\.likelihoodRatio.notes))
        for column in columns {
            for note in column.likelihoodRatio.notes where !note.hasPrefix("Assumes") && seen.insert(note).inserted {
                notes.append(note)
            }
        }
        notes.append(Disclaimer.text)
        return notes
    }

    private var monteCarloSettings: MonteCarloSettings? {
        for column in columns { if case .findings(_, let settings) = column.source { return settings.monteCarlo } }
        return nil
    }

    var thresholds: GateDecision.Thresholds? {
        for column in columns { if case .findings(_, let settings) = column.source { return settings.thresholds } }
        return nil
    }
}
