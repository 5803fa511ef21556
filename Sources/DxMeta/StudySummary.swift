import DxStats

/// One study as the meta-analysis saw it: its counts, citation and extra
/// columns, its own sensitivity and specificity with Wilson intervals (on
/// the raw counts), and for the REML model the logits and within-study
/// variances it entered with (after any continuity correction).
public struct StudySummary: Sendable, Hashable, Codable {
    public let study: String
    public let truePositives: Int
    public let falsePositives: Int
    public let falseNegatives: Int
    public let trueNegatives: Int
    public let citation: String?
    /// Other input columns, in input order.
    public let columns: [Study.Column]
    /// TP / (TP + FN) with its Wilson interval (Wilson 1927).
    public let sensitivity: EstimateInterval
    /// TN / (FP + TN) with its Wilson interval.
    public let specificity: EstimateInterval
    /// Whether the continuity correction was added to this study (REML).
    public let corrected: Bool
    /// REML only: ln(TP/FN) after any correction.
    public let logitSensitivity: Double?
    /// REML only: ln(TN/FP) after any correction.
    public let logitSpecificity: Double?
    /// REML only: 1/TP + 1/FN after any correction.
    public let varianceLogitSensitivity: Double?
    /// REML only: 1/FP + 1/TN after any correction.
    public let varianceLogitSpecificity: Double?

    /// Throws only for a study without participants with (or without) the
    /// condition, which ``Study`` validation has already refused.
    init(study: Study, corrected: Bool, logits: (Double, Double, Double, Double)?, level: ConfidenceLevel) throws(MetaAnalysisError) {
        self.study = study.name
        truePositives = study.truePositives
        falsePositives = study.falsePositives
        falseNegatives = study.falseNegatives
        trueNegatives = study.trueNegatives
        citation = study.citation
        columns = study.columns
        func wilson(_ successes: Int, _ trials: Int, else failure: MetaAnalysisError) throws(MetaAnalysisError) -> EstimateInterval {
            // Wilson limits are always finite.
            let interval: IntervalEstimate
            do { interval = try Proportion(successes: successes, trials: trials).interval(method: .wilson, level: level) } catch { throw failure }
            return EstimateInterval(
                estimate: interval.estimate.finiteValue ?? 0, lower: interval.lower.finiteValue ?? 0, upper: interval.upper.finiteValue ?? 1,
                level: level.value, method: .wilson)
        }
        sensitivity = try wilson(study.truePositives, study.withCondition, else: .noDiseased(study: study.name))
        specificity = try wilson(study.trueNegatives, study.withoutCondition, else: .noNonDiseased(study: study.name))
        self.corrected = corrected
        logitSensitivity = logits?.0
        logitSpecificity = logits?.1
        varianceLogitSensitivity = logits?.2
        varianceLogitSpecificity = logits?.3
    }
}
