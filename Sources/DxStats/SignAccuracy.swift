/// The accuracy of one sign or test: its sensitivity and specificity, and
/// the 2×2 table they came from when there is one (which carries their
/// uncertainty).
///
/// It can be built from counts, from Se and Sp, or from the two likelihood
/// ratios (Se = LR+(1 − LR−)/(LR+ − LR−), Sp = (1 − LR+)/(LR− − LR+),
/// as nomogrammer does).
///
/// ```swift
/// let percussion = try SignAccuracy(name: "closed-fist-percussion", table: try TwoByTwoTable(
///     truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
/// percussion.likelihoodRatio(for: .positive)   // .finite(8.75)
/// ```
public struct SignAccuracy: Sendable, Hashable {
    /// A stable name for output, e.g. the evidence record id.
    public let name: String
    /// A title for people, e.g. "Closed-fist percussion sign (Langdon 2010/2011)"; the name when none was given.
    public let title: String
    /// The study's 2×2 table, when the accuracy comes from counts.
    public let table: TwoByTwoTable?
    /// Se = P(T+ | D+).
    public let sensitivity: Double
    /// Sp = P(T− | D−).
    public let specificity: Double
    /// What the sign separates (nil when not declared, e.g. a sign typed as numbers).
    public let target: TargetCondition?

    /// From a 2×2 table (the table must have patients with and without the condition).
    public init(name: String, title: String? = nil, table: TwoByTwoTable, target: TargetCondition? = nil) throws(StatisticsError) {
        guard table.withCondition > 0, table.withoutCondition > 0 else {
            throw .invalidSetting("\(name): the table needs patients with and without the condition")
        }
        self.name = name
        self.title = title ?? name
        self.table = table
        self.target = target
        self.sensitivity = Double(table.truePositives) / Double(table.withCondition)
        self.specificity = Double(table.trueNegatives) / Double(table.withoutCondition)
    }

    /// From sensitivity and specificity known without uncertainty.
    public init(name: String, title: String? = nil, sensitivity: Double, specificity: Double, target: TargetCondition? = nil) throws(StatisticsError) {
        guard sensitivity.isFinite, sensitivity >= 0, sensitivity <= 1 else {
            throw .probabilityOutOfRange(name: "\(name) sensitivity", value: sensitivity)
        }
        guard specificity.isFinite, specificity >= 0, specificity <= 1 else {
            throw .probabilityOutOfRange(name: "\(name) specificity", value: specificity)
        }
        self.name = name
        self.title = title ?? name
        self.table = nil
        self.target = target
        self.sensitivity = sensitivity
        self.specificity = specificity
    }

    /// From LR+ and LR− (LR+ ≠ LR−); throws when they imply Se or Sp outside [0, 1].
    public init(
        name: String, title: String? = nil, positiveLikelihoodRatio: Double, negativeLikelihoodRatio: Double, target: TargetCondition? = nil
    ) throws(StatisticsError) {
        for value in [positiveLikelihoodRatio, negativeLikelihoodRatio] where !(value.isFinite && value >= 0) {
            throw .invalidLikelihoodRatio(value)
        }
        guard positiveLikelihoodRatio != negativeLikelihoodRatio else {
            throw .invalidSetting("\(name): LR+ and LR− are equal (\(positiveLikelihoodRatio)); the sign carries no information")
        }
        let difference = positiveLikelihoodRatio - negativeLikelihoodRatio
        let sensitivity = positiveLikelihoodRatio * (1 - negativeLikelihoodRatio) / difference
        let specificity = (positiveLikelihoodRatio - 1) / difference
        try self.init(name: name, title: title, sensitivity: sensitivity, specificity: specificity, target: target)
    }

    /// P(result | condition present).
    public func probabilityWithCondition(of result: TestResult) -> Double {
        result == .positive ? sensitivity : 1 - sensitivity
    }

    /// P(result | condition absent).
    public func probabilityWithoutCondition(of result: TestResult) -> Double {
        result == .positive ? 1 - specificity : specificity
    }

    /// The point likelihood ratio of `result`; from counts it is computed as
    /// (x₁·n₀)/(n₁·x₀) in one division, so 20/20 over 5/50 is exactly 10.
    public func likelihoodRatio(for result: TestResult) -> ExtendedValue {
        guard let table else { return ratio(probabilityWithCondition(of: result), probabilityWithoutCondition(of: result)) }
        let (x1, x0) =
            result == .positive
            ? (Double(table.truePositives), Double(table.falsePositives))
            : (Double(table.falseNegatives), Double(table.trueNegatives))
        return ratio(x1 * Double(table.withoutCondition), Double(table.withCondition) * x0)
    }
}

/// a / b as a typed value: ∞ when only b is 0, not estimable when both are.
func ratio(_ numerator: Double, _ denominator: Double) -> ExtendedValue {
    if denominator > 0 { return .finite(numerator / denominator) }
    return numerator > 0 ? .unbounded : .undefined
}
