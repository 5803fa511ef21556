import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A point of a region, on the logit scale and in ROC space.
public struct RegionPoint: Sendable, Hashable, Codable {
    public let logitSensitivity: Double
    public let logitSpecificity: Double
    /// expit(logit sensitivity).
    public let sensitivity: Double
    /// 1 − specificity = expit(−logit specificity).
    public let falsePositiveRate: Double

    init(logitSensitivity: Double, logitSpecificity: Double) {
        self.logitSensitivity = logitSensitivity
        self.logitSpecificity = logitSpecificity
        sensitivity = Logit.expit(logitSensitivity)
        falsePositiveRate = Logit.expit(-logitSpecificity)
    }
}

/// An elliptical region on the (logit sensitivity, logit specificity)
/// plane, as a closed list of points.
///
/// The region {η : (η − μ̂)′ M⁻¹ (η − μ̂) ≤ c} with c = χ²₂(level) =
/// −2 ln(1 − level) (5.991 at 95 %), drawn as μ̂ + √c · L (cos t, sin t),
/// LL′ = M, for 72 angles t. The confidence region takes M = Cov(μ̂); the
/// prediction region, for the (logit Se, logit Sp) of a new study, takes
/// M = Σ + Cov(μ̂) (Harbord & Whiting 2009, metandi).
///
/// Harbord RM, Whiting P. metandi: meta-analysis of diagnostic accuracy
/// using hierarchical logistic regression. Stata J 2009;9:211–229.
public struct EllipticalRegion: Sendable, Hashable, Codable {
    /// What the region covers, e.g. "the summary point" or "a new study".
    public let covers: String
    public let level: Double
    /// The covariance M, as (logit Se variance, covariance, logit Sp variance).
    public let covariance: [Double]
    public let points: [RegionPoint]

    static let pointCount = 72

    init(covers: String, centre: (Double, Double), covariance: SymmetricMatrix2, level: Double) {
        self.covers = covers
        self.level = level
        self.covariance = [covariance.a, covariance.b, covariance.c]
        let radius = (-2 * log(1 - level)).squareRoot()
        let (l11, l21, l22) = covariance.cholesky
        points = (0...Self.pointCount).map { step in
            let t = 2 * Double.pi * Double(step % Self.pointCount) / Double(Self.pointCount)
            let x = radius * cos(t), y = radius * sin(t)
            return RegionPoint(logitSensitivity: centre.0 + l11 * x, logitSpecificity: centre.1 + l21 * x + l22 * y)
        }
    }
}
