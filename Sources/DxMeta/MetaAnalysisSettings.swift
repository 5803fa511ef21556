import DxStats

/// Which bivariate model a meta-analysis fits.
public enum MetaAnalysisModel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Bivariate normal random effects on the logits with known within-study
    /// variances, by REML (Reitsma et al. 2005).
    case reitsma
    /// Bivariate binomial GLMM, exact binomial within studies, by maximum
    /// likelihood (Chu & Cole 2006).
    case glmm
}

/// The choices of a meta-analysis, checked at construction.
///
/// ```swift
/// let settings = try MetaAnalysisSettings(model: .glmm, quadraturePoints: 9)
/// settings.integration   // "adaptive Gauss–Hermite quadrature, 9 points per dimension"
/// ```
public struct MetaAnalysisSettings: Sendable, Hashable {
    public var model: MetaAnalysisModel
    /// GLMM only: 1 is the Laplace approximation (as lme4 `glmer`,
    /// nAGQ = 1); N ≥ 2 is adaptive Gauss–Hermite quadrature with N points
    /// per dimension (N² per study), the more accurate option.
    public var quadraturePoints: Int
    /// REML only: the continuity correction for zero cells.
    public var correction: ContinuityCorrection
    /// The level of every interval and region.
    public var level: ConfidenceLevel
    /// The optimiser's iteration limit; a fit that reaches it is reported
    /// as not converged.
    public var maximumIterations: Int

    public init(
        model: MetaAnalysisModel = .reitsma, quadraturePoints: Int = 1, correction: ContinuityCorrection = .standard,
        level: ConfidenceLevel = .ninetyFivePercent, maximumIterations: Int = 20000
    ) throws(MetaAnalysisError) {
        guard (1...50).contains(quadraturePoints) else { throw .invalidQuadrature(quadraturePoints) }
        guard maximumIterations >= 1 else { throw .invalidIterationLimit(maximumIterations) }
        self.init(
            checkedModel: model, quadraturePoints: quadraturePoints, correction: correction, level: level, maximumIterations: maximumIterations)
    }

    /// The defaults: bivariate REML, 0.5 added to studies with a zero cell, 95 %.
    public static let standard = MetaAnalysisSettings(
        checkedModel: .reitsma, quadraturePoints: 1, correction: .standard, level: .ninetyFivePercent, maximumIterations: 20000)

    /// Settings whose quadrature points and iteration limit are already known to be valid.
    private init(
        checkedModel model: MetaAnalysisModel, quadraturePoints: Int, correction: ContinuityCorrection, level: ConfidenceLevel,
        maximumIterations: Int
    ) {
        self.model = model
        self.quadraturePoints = quadraturePoints
        self.correction = correction
        self.level = level
        self.maximumIterations = maximumIterations
    }

    /// How the GLMM's integrals are computed, in words.
    public var integration: String {
        quadraturePoints == 1
            ? "Laplace approximation (as lme4 glmer, nAGQ = 1)"
            : "adaptive Gauss–Hermite quadrature, \(quadraturePoints) points per dimension"
    }
}
