import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An estimate on the logit scale with its standard error.
public struct LogitEstimate: Sendable, Hashable, Codable {
    public let estimate: Double
    public let standardError: Double
}

/// An estimate with its two-sided interval (all finite).
public struct EstimateInterval: Sendable, Hashable, Codable {
    public let estimate: Double
    public let lower: Double
    public let upper: Double
    /// The confidence level.
    public let level: Double
    /// How the interval was obtained.
    public let method: IntervalMethod

    public init(estimate: Double, lower: Double, upper: Double, level: Double, method: IntervalMethod) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
        self.method = method
    }

    enum CodingKeys: String, CodingKey { case estimate, lower, upper, level, method, estimable, upperUnbounded, notes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        estimate = try container.decode(Double.self, forKey: .estimate)
        lower = try container.decode(Double.self, forKey: .lower)
        upper = try container.decode(Double.self, forKey: .upper)
        level = try container.decode(Double.self, forKey: .level)
        method = try container.decode(IntervalMethod.self, forKey: .method)
    }

    /// DxKit's one interval shape (as `IntervalEstimate`): every limit is finite here.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(level, forKey: .level)
        try container.encode(method, forKey: .method)
        try container.encode(true, forKey: .estimable)
        try container.encode(false, forKey: .upperUnbounded)
        try container.encode([String](), forKey: .notes)
    }
}

/// The summary measures derived from the bivariate estimates (μ̂, Cov(μ̂)),
/// never pooled separately: sensitivity, specificity, LR+, LR− and the DOR.
///
/// With Se = expit(μ₁), Sp = expit(μ₂) and V = Cov(μ̂):
/// - Se, Sp: expit(μᵢ ± z·SE(μᵢ)) (Wald on the logit scale);
/// - ln LR+ = ln Se − ln(1 − Sp), gradient (1 − Se, Sp);
/// - ln LR− = ln(1 − Se) − ln Sp, gradient (−Se, −(1 − Sp));
/// - ln DOR = μ₁ + μ₂, gradient (1, 1);
/// each interval exp(ln θ ± z·√(g′Vg)) (the delta method on the log scale).
///
/// Example (Kearon 1998, symptomatic, REML): Se 0.892, Sp 0.953, LR+ 19.0.
///
/// Reitsma et al. 2005; Zwinderman AH, Bossuyt PM. We should not pool
/// diagnostic likelihood ratios in systematic reviews. Stat Med
/// 2008;27:687–697 (why the LRs are derived, not pooled).
struct PooledAccuracy: Sendable {
    let sensitivity: EstimateInterval
    let specificity: EstimateInterval
    let positiveLikelihoodRatio: EstimateInterval
    let negativeLikelihoodRatio: EstimateInterval
    let diagnosticOddsRatio: EstimateInterval

    static let method = "delta method on the log scale from the bivariate estimates and their covariance"

    init(mean: (Double, Double), covariance: SymmetricMatrix2, z: Double, level: Double) {
        let se1 = covariance.a.squareRoot(), se2 = covariance.c.squareRoot()
        sensitivity = EstimateInterval(
            estimate: Logit.expit(mean.0), lower: Logit.expit(mean.0 - z * se1), upper: Logit.expit(mean.0 + z * se1), level: level,
            method: .logitWald)
        specificity = EstimateInterval(
            estimate: Logit.expit(mean.1), lower: Logit.expit(mean.1 - z * se2), upper: Logit.expit(mean.1 + z * se2), level: level,
            method: .logitWald)
        let positive = Self.logLikelihoodRatio(mean: mean, covariance: covariance, result: .positive)
        let negative = Self.logLikelihoodRatio(mean: mean, covariance: covariance, result: .negative)
        func interval(_ log: (value: Double, standardError: Double)) -> EstimateInterval {
            EstimateInterval(
                estimate: exp(log.value), lower: exp(log.value - z * log.standardError), upper: exp(log.value + z * log.standardError),
                level: level, method: .deltaMethodLog)
        }
        positiveLikelihoodRatio = interval(positive)
        negativeLikelihoodRatio = interval(negative)
        let dorVariance = covariance.quadratic((1, 1))
        diagnosticOddsRatio = interval((mean.0 + mean.1, dorVariance.squareRoot()))
    }

    enum Result { case positive, negative }

    /// ln LR and its delta-method standard error.
    static func logLikelihoodRatio(mean: (Double, Double), covariance: SymmetricMatrix2, result: Result) -> (value: Double, standardError: Double) {
        let se = Logit.expit(mean.0), sp = Logit.expit(mean.1)
        switch result {
        case .positive:
            // ln Se − ln(1 − Sp) = ln expit(μ₁) − ln expit(−μ₂)
            let value = Logit.logExpit(mean.0) - Logit.logExpit(-mean.1)
            return (value, covariance.quadratic((1 - se, sp)).squareRoot())
        case .negative:
            let value = Logit.logExpit(-mean.0) - Logit.logExpit(mean.1)
            return (value, covariance.quadratic((-se, -(1 - sp))).squareRoot())
        }
    }
}

/// The logistic function and its relatives, written to avoid overflow.
enum Logit {
    static func expit(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    static func logExpit(_ x: Double) -> Double {
        x > 0 ? -log1p(exp(-x)) : x - log1p(exp(x))
    }

    static func logit(_ p: Double) -> Double {
        log(p / (1 - p))
    }
}
