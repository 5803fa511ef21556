import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A range expected to hold a new study's value.
public struct PredictionRange: Sendable, Hashable, Codable {
    public let lower: Double
    public let upper: Double
}

/// How much the studies disagree beyond chance: the between-study variances
/// and the prediction intervals for a new study's sensitivity and
/// specificity, in plain words.
///
/// Prediction interval for a new study's sensitivity:
/// expit(μ̂₁ ± z·√(τ₁² + SE(μ̂₁)²)), normal quantile z; likewise for
/// specificity. They are the margins of the prediction region.
///
/// Riley RD, Higgins JPT, Deeks JJ. Interpretation of random effects
/// meta-analyses. BMJ 2011;342:d549.
public struct Heterogeneity: Sendable, Hashable, Codable {
    public let sensitivityPrediction: PredictionRange
    public let specificityPrediction: PredictionRange
    /// Plain words for a reviewer.
    public let summary: String

    init(fit: BivariateFit, pooled: PooledAccuracy, level: Double, z: Double, boundary: [String]) {
        let prediction = fit.sigma + fit.meanCovariance
        let sd1 = prediction.a.squareRoot(), sd2 = prediction.c.squareRoot()
        sensitivityPrediction = PredictionRange(lower: Logit.expit(fit.mean.0 - z * sd1), upper: Logit.expit(fit.mean.0 + z * sd1))
        specificityPrediction = PredictionRange(lower: Logit.expit(fit.mean.1 - z * sd2), upper: Logit.expit(fit.mean.1 + z * sd2))
        let percent = NumberFormatting.percent(level)
        func describe(_ name: String, tau2: Double, pooled: EstimateInterval, prediction: PredictionRange) -> String {
            let confidence = "\(Self.percent(pooled.lower))–\(Self.percent(pooled.upper))"
            let range = "\(Self.percent(prediction.lower))–\(Self.percent(prediction.upper))"
            if tau2 <= BivariateFit.varianceBoundary {
                return
                    "No between-study variation in \(name) beyond chance was estimated (τ² = 0); a new study's \(name) is expected within \(range), little wider than the \(confidence) confidence interval."
            }
            let ratio = (prediction.upper - prediction.lower) / Swift.max(pooled.upper - pooled.lower, 1e-12)
            let size =
                tau2 < 0.1 ? "small" : tau2 < 0.5 ? "moderate" : tau2 < 1.5 ? "substantial" : "large"
            return "Between-study variation in \(name) is \(size) (τ² = \(Self.number(tau2)) on the logit scale): "
                + "a new study's \(name) is expected within \(range) (\(percent) prediction interval), "
                + "\(ratio >= 1.95 ? "\(Self.number(ratio))× as wide as" : "against") the \(confidence) confidence interval of the pooled value."
        }
        var sentences = [
            describe("sensitivity", tau2: fit.sigma.a, pooled: pooled.sensitivity, prediction: sensitivityPrediction),
            describe("specificity", tau2: fit.sigma.c, pooled: pooled.specificity, prediction: specificityPrediction),
        ]
        if !boundary.isEmpty { sentences.append("The fit is at a boundary of the parameter space; see the boundary notes.") }
        summary = sentences.joined(separator: " ")
    }

    /// 0.8923 → "89.2 %".
    static func percent(_ value: Double) -> String {
        String(cFormat: "%.1f %%", value * 100)
    }

    /// Three significant digits, no exponent for ordinary values.
    static func number(_ value: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        if magnitude >= 6 || magnitude < -4 { return String(cFormat: "%.2e", value) }
        return String(cFormat: "%.\(Swift.max(0, 2 - magnitude))f", value)
    }
}
