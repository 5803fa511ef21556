import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hierarchical SROC (Rutter & Gatsonis 2001) parameters implied by a
/// bivariate fit; the two models are the same model written two ways when
/// there are no covariates (Harbord et al. 2007).
///
/// With μA, μB the mean logit sensitivity and specificity, σA², σB² their
/// between-study variances and σAB their covariance:
///
///     Λ   = (σB/σA)^½ μA + (σA/σB)^½ μB      (accuracy)
///     Θ   = ½[(σB/σA)^½ μA − (σA/σB)^½ μB]   (threshold)
///     β   = ln(σB/σA)                         (shape)
///     σα² = 2(σAσB + σAB)
///     σθ² = ½(σAσB − σAB)
///
/// Undefined when either variance is 0 (β = ±∞): then `nil`, with a note.
///
/// Example: μA = 2.11, μB = 3.01, σA² = 0.488, σB² = 1.254, ρ = −0.257
/// (Kearon 1998 symptomatic, REML) give Λ = 5.05, β = 0.472.
///
/// Harbord RM, Deeks JJ, Egger M, Whiting P, Sterne JAC. A unification of
/// models for the meta-analysis of diagnostic accuracy studies.
/// Biostatistics 2007;8:239–251.
public struct HSROCParameters: Sendable, Hashable, Codable {
    /// Λ, the accuracy parameter (a log diagnostic odds ratio at Θ = 0).
    public let lambda: Double
    /// Θ, the threshold (positivity) parameter.
    public let theta: Double
    /// β, the shape (asymmetry) parameter.
    public let beta: Double
    /// σα², the between-study variance of accuracy.
    public let sigma2Alpha: Double
    /// σθ², the between-study variance of threshold.
    public let sigma2Theta: Double

    init?(mean: (Double, Double), sigma: SymmetricMatrix2) {
        guard sigma.a > BivariateFit.varianceBoundary, sigma.c > BivariateFit.varianceBoundary else { return nil }
        let sA = sigma.a.squareRoot(), sB = sigma.c.squareRoot()
        let ratio = (sB / sA).squareRoot()
        lambda = ratio * mean.0 + mean.1 / ratio
        theta = 0.5 * (ratio * mean.0 - mean.1 / ratio)
        beta = log(sB / sA)
        // Both are ≥ 0 because |σAB| ≤ σAσB; the clamp removes rounding below 0 at ρ = ±1.
        sigma2Alpha = Swift.max(0, 2 * (sA * sB + sigma.b))
        sigma2Theta = Swift.max(0, 0.5 * (sA * sB - sigma.b))
    }

    /// The SROC curve: expected logit sensitivity at a logit false-positive
    /// rate x, Λe^(−β/2) + e^(−β)x (the curve through the summary point
    /// with slope σA/σB on the logit scales).
    public func logitSensitivity(atLogitFalsePositiveRate x: Double) -> Double {
        lambda * exp(-beta / 2) + exp(-beta) * x
    }
}

/// A point of the SROC curve in ROC space.
public struct CurvePoint: Sendable, Hashable, Codable {
    public let falsePositiveRate: Double
    public let sensitivity: Double
}

extension HSROCParameters {
    /// The SROC curve over the range of the studies' false-positive rates
    /// (continuity-corrected where a cell is zero), 60 points, as metandi
    /// and mada draw it: outside the data it is extrapolation.
    func curve(studies: [Study]) -> [CurvePoint] {
        let rates = studies.map { (Double($0.falsePositives) + 0.5) / (Double($0.withoutCondition) + 1) }
        guard let low = rates.min(), let high = rates.max() else { return [] }
        let from = Logit.logit(low), to = Logit.logit(high)
        let steps = 60
        return (0...steps).map { step in
            let x = from + (to - from) * Double(step) / Double(steps)
            return CurvePoint(falsePositiveRate: Logit.expit(x), sensitivity: Logit.expit(logitSensitivity(atLogitFalsePositiveRate: x)))
        }
    }
}
