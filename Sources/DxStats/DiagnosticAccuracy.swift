/// Every accuracy measure of a 2×2 table, each with its interval.
///
/// Se = a/n₁, Sp = d/n₀, PPV = a/(a+b), NPV = d/(c+d), prevalence = n₁/N,
/// accuracy = (a+d)/N with the chosen proportion interval (Wilson by
/// default); LR+ and LR− (`LikelihoodRatio`), the DOR (`DiagnosticOddsRatio`)
/// and Youden's J (`YoudenIndex`).
///
/// ```swift
/// let accuracy = try DiagnosticAccuracy(table: TwoByTwoTable(
///     truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
/// accuracy.sensitivity.estimate                // .finite(0.875)
/// accuracy.positiveLikelihoodRatio.estimate    // .finite(8.75)
/// ```
///
/// The predictive values here are those of the study's own prevalence; for
/// another prevalence use `PostTestProbability.predictiveValues(of:prevalence:)`.
public struct DiagnosticAccuracy: Sendable, Hashable {
    public let table: TwoByTwoTable
    public let level: ConfidenceLevel
    public let sensitivity: IntervalEstimate
    public let specificity: IntervalEstimate
    public let positivePredictiveValue: IntervalEstimate
    public let negativePredictiveValue: IntervalEstimate
    public let prevalence: IntervalEstimate
    public let accuracy: IntervalEstimate
    public let positiveLikelihoodRatio: IntervalEstimate
    public let negativeLikelihoodRatio: IntervalEstimate
    public let diagnosticOddsRatio: IntervalEstimate
    public let youdenIndex: IntervalEstimate

    public init(
        table: TwoByTwoTable,
        level: ConfidenceLevel = .ninetyFivePercent,
        proportionMethod: ProportionIntervalMethod = .wilson,
        likelihoodRatioMethod: RatioIntervalMethod = .log,
        zeroCellFallback: ZeroCellFallback = .koopman,
        cache: ProportionIntervalCache? = nil
    ) throws(StatisticsError) {
        precondition(
            cache == nil || (cache!.method == proportionMethod && cache!.level == level),
            "the cache must be for the same method and level")
        self.table = table
        self.level = level
        func proportion(_ successes: Int, _ trials: Int, _ denominatorName: String) -> IntervalEstimate {
            guard trials > 0 else {
                return IntervalEstimate(
                    estimate: .undefined, lower: .finite(0), upper: .finite(1), level: level,
                    method: IntervalMethod(proportionMethod), notes: ["Not estimable: no \(denominatorName) in the table."])
            }
            let proportion = try! Proportion(successes: successes, trials: trials)
            return cache?.interval(of: proportion) ?? proportion.interval(method: proportionMethod, level: level)
        }
        sensitivity = proportion(table.truePositives, table.withCondition, "patients with the condition")
        specificity = proportion(table.trueNegatives, table.withoutCondition, "patients without the condition")
        positivePredictiveValue = proportion(table.truePositives, table.testPositive, "positive test results")
        negativePredictiveValue = proportion(table.trueNegatives, table.testNegative, "negative test results")
        prevalence = proportion(table.withCondition, table.total, "patients")
        accuracy = proportion(table.truePositives + table.trueNegatives, table.total, "patients")
        positiveLikelihoodRatio = try LikelihoodRatio.positive(
            of: table, method: likelihoodRatioMethod, zeroCellFallback: zeroCellFallback, level: level)
        negativeLikelihoodRatio = try LikelihoodRatio.negative(
            of: table, method: likelihoodRatioMethod, zeroCellFallback: zeroCellFallback, level: level)
        diagnosticOddsRatio = DiagnosticOddsRatio.of(table, level: level)
        youdenIndex = YoudenIndex.of(table, level: level)
    }

    /// The measures in report order, with their stable JSON keys.
    public var measures: [(key: String, name: String, value: IntervalEstimate)] {
        [
            ("sensitivity", "Sensitivity", sensitivity),
            ("specificity", "Specificity", specificity),
            ("ppv", "Positive predictive value", positivePredictiveValue),
            ("npv", "Negative predictive value", negativePredictiveValue),
            ("prevalence", "Prevalence", prevalence),
            ("accuracy", "Accuracy", accuracy),
            ("positiveLikelihoodRatio", "Positive likelihood ratio", positiveLikelihoodRatio),
            ("negativeLikelihoodRatio", "Negative likelihood ratio", negativeLikelihoodRatio),
            ("diagnosticOddsRatio", "Diagnostic odds ratio", diagnosticOddsRatio),
            ("youden", "Youden's J", youdenIndex),
        ]
    }
}

extension DiagnosticAccuracy: Encodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `{"counts", "level", "sensitivity", …, "positiveLikelihoodRatio",
    /// "negativeLikelihoodRatio", "diagnosticOddsRatio", "youden"}`, each measure
    /// an ``IntervalEstimate``; `lrPositive` and `lrNegative` repeat the two
    /// likelihood ratios under their version-1 names for one version (CHANGELOG.md).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(table, forKey: Key("counts"))
        try container.encode(level.value, forKey: Key("level"))
        for measure in measures { try container.encode(measure.value, forKey: Key(measure.key)) }
        try container.encode(positiveLikelihoodRatio, forKey: Key("lrPositive"))
        try container.encode(negativeLikelihoodRatio, forKey: Key("lrNegative"))
    }
}
