import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The post-test probability for a new patient from a meta-analysis: from
/// the pooled estimate with its confidence interval, and beside it the
/// interval that a **new setting** implies.
///
/// Pooled: p = expit(logit π + ln LR), with ln LR from the summary point
/// (μ̂₁, μ̂₂) and its delta-method interval ln LR ± z·SE (as for
/// `positiveLikelihoodRatio`).
///
/// New setting: a setting unlike the studies has its own (logit Se,
/// logit Sp) η ~ N(μ̂, Σ + Cov(μ̂)), the prediction distribution. The
/// interval runs between the α/2 and 1 − α/2 quantiles of
/// expit(logit π + ln LR(η)), where ln LR(η) = ln expit(η₁) − ln expit(−η₂)
/// after a positive result and ln expit(−η₁) − ln expit(η₂) after a negative
/// one. Its distribution function is one integral over η₂ of a normal
/// probability for η₁ given η₂ (Simpson's rule, 4,000 panels on ±10 SD),
/// inverted with Brent's method: exact up to quadrature error, no
/// simulation.
///
/// ```swift
/// let analysis = try MetaAnalysis(studies: [
///     try Study(name: "A", truePositives: 45, falsePositives: 8, falseNegatives: 5, trueNegatives: 92),
///     try Study(name: "B", truePositives: 30, falsePositives: 12, falseNegatives: 10, trueNegatives: 88),
///     try Study(name: "C", truePositives: 60, falsePositives: 5, falseNegatives: 3, trueNegatives: 70),
/// ])
/// let post = try analysis.posttest(pretest: 0.3, result: .positive)
/// post.posttest.estimate   // from the pooled Se and Sp
/// post.newSetting          // wider: where a new setting's value may lie
/// ```
public struct MetaPostTest: Sendable, Hashable, Codable {
    public let pretest: Double
    public let result: String
    public let level: Double
    /// The pooled likelihood ratio for this result, with its confidence interval.
    public let likelihoodRatio: EstimateInterval
    /// The post-test probability from the pooled estimate, with its confidence interval.
    public let posttest: EstimateInterval
    /// The likelihood ratio a new setting may have (prediction interval).
    public let newSettingLikelihoodRatio: PredictionRange
    /// The post-test probability a new setting may give (prediction interval).
    public let newSetting: PredictionRange
    public let method: String
    public let newSettingMethod: String
    public let notes: [String]

    init(analysis: MetaAnalysis, pretest: Double, result: TestResult) throws(MetaAnalysisError) {
        guard pretest.isFinite, pretest >= 0, pretest <= 1 else { throw .invalidPretest(pretest) }
        let level = analysis.level
        let z = analysis.confidenceLevel.z
        let mean = analysis.fitted.mean
        let logRatio = PooledAccuracy.logLikelihoodRatio(
            mean: mean, covariance: analysis.fitted.meanCovariance, result: result == .positive ? .positive : .negative)
        self.pretest = pretest
        self.result = result.rawValue
        self.level = level
        likelihoodRatio = EstimateInterval(
            estimate: exp(logRatio.value), lower: exp(logRatio.value - z * logRatio.standardError),
            upper: exp(logRatio.value + z * logRatio.standardError), level: level, method: .deltaMethodLog)
        let prediction = analysis.fitted.sigma + analysis.fitted.meanCovariance
        let lower = try Self.quantile((1 - level) / 2, mean: mean, covariance: prediction, result: result, near: logRatio.value)
        let upper = try Self.quantile(1 - (1 - level) / 2, mean: mean, covariance: prediction, result: result, near: logRatio.value)
        newSettingLikelihoodRatio = PredictionRange(lower: exp(lower), upper: exp(upper))
        method = "pooled likelihood ratio from the bivariate summary point, delta-method interval on the log scale, carried through the odds"
        newSettingMethod =
            "\(NumberFormatting.percent(level)) prediction interval: quantiles of the post-test probability over the prediction distribution N(μ̂, Σ + Cov(μ̂)) of a new setting's logit sensitivity and specificity (numerical integration, no simulation)"
        var notes: [String] = []
        if pretest == 0 || pretest == 1 {
            posttest = EstimateInterval(estimate: pretest, lower: pretest, upper: pretest, level: level, method: .deltaMethodLog)
            newSetting = PredictionRange(lower: pretest, upper: pretest)
            notes.append("A pretest probability of \(pretest == 0 ? 0 : 1) leaves no room for a test result to change it.")
        } else {
            let logitPretest = Logit.logit(pretest)
            posttest = EstimateInterval(
                estimate: Logit.expit(logitPretest + logRatio.value), lower: Logit.expit(logitPretest + logRatio.value - z * logRatio.standardError),
                upper: Logit.expit(logitPretest + logRatio.value + z * logRatio.standardError), level: level, method: .deltaMethodLog)
            newSetting = PredictionRange(lower: Logit.expit(logitPretest + lower), upper: Logit.expit(logitPretest + upper))
        }
        notes.append(
            "The confidence interval is for the average setting of the studies; a clinician in a setting unlike them should read the prediction interval."
        )
        self.notes = notes
    }

    /// P(ln LR(η) ≤ t) for η ~ N(mean, covariance).
    static func distribution(_ t: Double, mean: (Double, Double), covariance: SymmetricMatrix2, result: TestResult) -> Double {
        let sd2 = covariance.c.squareRoot()
        let slope = covariance.b / covariance.c
        let conditionalSD = Swift.max(covariance.a - covariance.b * slope, 1e-300).squareRoot()
        let panels = 4000
        let width = 20.0 / Double(panels)
        var sum = 0.0
        for index in 0...panels {
            let z = -10 + width * Double(index)
            let eta2 = mean.1 + sd2 * z
            let conditionalMean = mean.0 + slope * (eta2 - mean.1)
            let probability: Double
            switch result {
            case .positive:
                let u = t + Logit.logExpit(-eta2)
                if u >= 0 {
                    probability = 1
                } else {
                    let bound = u - log(-expm1(u))  // logit(e^u)
                    probability = GSLOptimisation.standardNormalDistribution((bound - conditionalMean) / conditionalSD)
                }
            case .negative:
                let u = t + Logit.logExpit(eta2)
                if u >= 0 {
                    probability = 1
                } else {
                    let bound = u - log(-expm1(u))
                    probability = GSLOptimisation.standardNormalDistribution((conditionalMean + bound) / conditionalSD)
                }
            }
            let density = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
            let coefficient = index == 0 || index == panels ? 1.0 : (index % 2 == 1 ? 4.0 : 2.0)
            sum += coefficient * density * probability
        }
        return sum * width / 3
    }

    /// The p-quantile of ln LR(η), by Brent's method on `distribution`.
    static func quantile(_ p: Double, mean: (Double, Double), covariance: SymmetricMatrix2, result: TestResult, near centre: Double)
        throws(MetaAnalysisError) -> Double
    {
        let spread = (covariance.a + covariance.c).squareRoot() + 0.1
        var low = centre - 4 * spread, high = centre + 4 * spread
        var attempts = 0
        while distribution(low, mean: mean, covariance: covariance, result: result) > p && attempts < 60 {
            low -= 4 * spread
            attempts += 1
        }
        attempts = 0
        while distribution(high, mean: mean, covariance: covariance, result: result) < p && attempts < 60 {
            high += 4 * spread
            attempts += 1
        }
        let root = GSL.brentRoot(in: low, high, absoluteTolerance: 1e-12, relativeTolerance: 1e-12) { t in
            distribution(t, mean: mean, covariance: covariance, result: result) - p
        }
        guard let root, root.isFinite else { throw .notFinite("the \(p) quantile of the prediction distribution of the likelihood ratio") }
        return root
    }
}

/// Small text helpers shared by the summaries.
enum NumberFormatting {
    /// 0.95 → "95 %".
    static func percent(_ level: Double) -> String {
        ConfidenceLevel.percentText(level).replacing("%", with: " %")
    }
}
