/// What is known about the dependence between two signs measured on the
/// same patients.
///
/// The joint likelihood ratio of two results depends on the joint
/// probabilities P(T1 = r1, T2 = r2 | D), which the two marginal 2×2 tables
/// do not determine.
public enum SignDependence: Sendable, Hashable {
    /// Unknown (the default): DxKit reports the range of joint likelihood
    /// ratios that the margins allow (Fréchet bounds) and lets the gate
    /// cover it.
    case unknown
    /// Conditional independence (rarely true for signs on the same patients).
    case independent
    /// Conditional correlations of the two results among patients with and
    /// without the condition (ClinicoPath `cotest`):
    /// cov = ρ·√(p₁(1 − p₁)p₂(1 − p₂)).
    case correlation(withCondition: Double, withoutCondition: Double)
    /// Conditional covariances covSe = P(++|D+) − Se1·Se2 and
    /// covSp = P(−−|D−) − Sp1·Sp2 (Gardner et al. 2000).
    case covariance(sensitivity: Double, specificity: Double)
    /// The paired 2×2×2 counts of a study that did both signs: used exactly.
    case pairedCounts(PairedSignsTable)

    /// The kind of dependence, without its numbers.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case unknown, independent, correlation, covariance
        case pairedCounts = "paired-counts"
    }

    public var kind: Kind {
        switch self {
        case .unknown: .unknown
        case .independent: .independent
        case .correlation: .correlation
        case .covariance: .covariance
        case .pairedCounts: .pairedCounts
        }
    }

    /// A stable machine-readable name (the kind's raw value).
    public var id: String { kind.rawValue }
}

/// Counts of the four result patterns of two signs among patients with and
/// without the condition (a 2×2×2 table).
///
/// ```swift
/// // DTComPair `Paired1` (validation V2): diseased ++ 319, +− 78, −+ 22, −− 32;
/// // non-diseased ++ 31, +− 53, −+ 22, −− 155.
/// let paired = try PairedSignsTable(withCondition: [319, 78, 22, 32], withoutCondition: [31, 53, 22, 155])
/// paired.withCondition.reduce(0, +)   // 451
/// ```
public struct PairedSignsTable: Sendable, Hashable {
    /// Counts of ++, +−, −+, −− (first sign, second sign) with the condition.
    public let withCondition: [Int]
    /// Counts of ++, +−, −+, −− without the condition.
    public let withoutCondition: [Int]

    public init(withCondition: [Int], withoutCondition: [Int]) throws(StatisticsError) {
        guard withCondition.count == 4, withoutCondition.count == 4 else {
            throw .invalidSetting("paired counts need four patterns (++, +−, −+, −−) in each group")
        }
        for (index, count) in (withCondition + withoutCondition).enumerated() where count < 0 {
            throw .negativeCount(name: "paired count \(index + 1)", value: count)
        }
        guard withCondition.reduce(0, +) > 0, withoutCondition.reduce(0, +) > 0 else {
            throw .invalidSetting("paired counts need patients with and without the condition")
        }
        self.withCondition = withCondition
        self.withoutCondition = withoutCondition
    }

    /// The index of a result pattern: ++ 0, +− 1, −+ 2, −− 3.
    public static func index(_ first: TestResult, _ second: TestResult) -> Int {
        (first == .positive ? 0 : 2) + (second == .positive ? 0 : 1)
    }

    /// The marginal 2×2 table of the first sign.
    public var firstTable: TwoByTwoTable {
        try! TwoByTwoTable(
            truePositives: withCondition[0] + withCondition[1], falsePositives: withoutCondition[0] + withoutCondition[1],
            falseNegatives: withCondition[2] + withCondition[3], trueNegatives: withoutCondition[2] + withoutCondition[3])
    }

    /// The marginal 2×2 table of the second sign.
    public var secondTable: TwoByTwoTable {
        try! TwoByTwoTable(
            truePositives: withCondition[0] + withCondition[2], falsePositives: withoutCondition[0] + withoutCondition[2],
            falseNegatives: withCondition[1] + withCondition[3], trueNegatives: withoutCondition[1] + withoutCondition[3])
    }
}
