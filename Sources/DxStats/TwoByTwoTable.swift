/// A diagnostic 2×2 table, laid out as in epiR (rows: test, columns: disease).
///
/// |        | D+     | D−     |
/// |--------|--------|--------|
/// | **T+** | a (TP) | b (FP) |
/// | **T−** | c (FN) | d (TN) |
///
/// n₁ = a + c (with the condition), n₀ = b + d (without it).
///
/// ```swift
/// // Closed-fist percussion sign, Langdon et al. 2011 abstract (48 acute of 78).
/// let table = try TwoByTwoTable(truePositives: 42, falsePositives: 3,
///                               falseNegatives: 6, trueNegatives: 27)
/// table.withCondition   // 48
/// ```
public struct TwoByTwoTable: Sendable, Hashable {
    /// a: test positive, condition present.
    public let truePositives: Int
    /// b: test positive, condition absent.
    public let falsePositives: Int
    /// c: test negative, condition present.
    public let falseNegatives: Int
    /// d: test negative, condition absent.
    public let trueNegatives: Int

    /// Creates a table; throws when a count is negative or all four are 0.
    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int, trueNegatives: Int)
        throws(StatisticsError)
    {
        for (name, value) in [("TP", truePositives), ("FP", falsePositives), ("FN", falseNegatives), ("TN", trueNegatives)]
        where value < 0 {
            throw .negativeCount(name: name, value: value)
        }
        guard truePositives + falsePositives + falseNegatives + trueNegatives > 0 else {
            throw .emptyTable
        }
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.trueNegatives = trueNegatives
    }

    /// n₁ = TP + FN.
    public var withCondition: Int { truePositives + falseNegatives }
    /// n₀ = FP + TN.
    public var withoutCondition: Int { falsePositives + trueNegatives }
    /// TP + FP.
    public var testPositive: Int { truePositives + falsePositives }
    /// FN + TN.
    public var testNegative: Int { falseNegatives + trueNegatives }
    /// N = a + b + c + d.
    public var total: Int { withCondition + withoutCondition }

    /// The same patients with the two classes exchanged (the condition's
    /// absence treated as the target): sensitivity and specificity swap.
    public var withClassesSwapped: TwoByTwoTable {
        try! TwoByTwoTable(
            truePositives: trueNegatives, falsePositives: falseNegatives,
            falseNegatives: falsePositives, trueNegatives: truePositives)
    }

    /// The names of the cells that are zero, e.g. `["FN"]`.
    public var zeroCells: [String] {
        [("TP", truePositives), ("FP", falsePositives), ("FN", falseNegatives), ("TN", trueNegatives)]
            .filter { $0.1 == 0 }.map(\.0)
    }
}

extension TwoByTwoTable: Encodable {
    enum CodingKeys: String, CodingKey {
        case truePositives = "tp", falsePositives = "fp", falseNegatives = "fn", trueNegatives = "tn"
    }

    /// `{"tp", "fp", "fn", "tn"}`, in epiR's order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(truePositives, forKey: .truePositives)
        try container.encode(falsePositives, forKey: .falsePositives)
        try container.encode(falseNegatives, forKey: .falseNegatives)
        try container.encode(trueNegatives, forKey: .trueNegatives)
    }
}
