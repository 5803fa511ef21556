import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A diagnostic-accuracy meta-analysis: the bivariate model fitted to a set
/// of studies, and everything a reviewer reads from it.
///
/// Two models (``MetaAnalysisModel``): the bivariate normal model on the
/// logits fitted by REML (Reitsma et al. 2005; the default) and the
/// bivariate binomial GLMM fitted by maximum likelihood (Chu & Cole 2006),
/// by the Laplace approximation (as lme4's `glmer`) or adaptive
/// Gauss–Hermite quadrature. Both report the logit means with standard
/// errors, the between-study variances and correlation, the maximised
/// log-likelihood (on the scale of metafor's and lme4's `logLik`), how the
/// optimiser ended and any boundary; and, derived from them, pooled
/// sensitivity and specificity, LR+, LR− and DOR (delta method), the
/// confidence and prediction regions, the HSROC parameters and the
/// heterogeneity in words.
///
/// ```swift
/// let studies = [
///     try Study(name: "A", truePositives: 45, falsePositives: 8, falseNegatives: 5, trueNegatives: 92),
///     try Study(name: "B", truePositives: 30, falsePositives: 12, falseNegatives: 10, trueNegatives: 88),
///     try Study(name: "C", truePositives: 60, falsePositives: 5, falseNegatives: 3, trueNegatives: 70),
/// ]
/// let analysis = try MetaAnalysis(studies: studies)
/// analysis.sensitivity.estimate      // pooled sensitivity
/// let newSetting = try analysis.posttest(pretest: 0.2, result: .positive).newSetting
/// newSetting.lower < newSetting.upper   // true: the interval a new setting implies
/// ```
///
/// The JSON of `dxkit meta --format json` is this type, encoded. A fit
/// that does not converge is returned with `converged` false and a note;
/// callers must not use it silently (`dxkit meta` exits non-zero).
public struct MetaAnalysis: Sendable, Encodable {
    public let model: MetaAnalysisModel
    /// The estimation method in words, e.g. "REML" or "maximum likelihood, Laplace approximation …".
    public let method: String
    public let level: Double
    /// The level as a checked ``ConfidenceLevel`` (its z), for derived intervals.
    let confidenceLevel: ConfidenceLevel
    public let studies: [StudySummary]
    /// REML: the continuity correction used (nil for the GLMM).
    public let correction: ContinuityCorrection?
    public let logitSensitivity: LogitEstimate
    public let logitSpecificity: LogitEstimate
    /// Cov(μ̂₁, μ̂₂), for derived quantities.
    public let covarianceOfLogitMeans: Double
    /// τ² of logit sensitivity.
    public let tau2Sensitivity: Double
    /// τ² of logit specificity.
    public let tau2Specificity: Double
    /// The between-study correlation; nil when a variance is 0 (not identified).
    public let correlation: Double?
    /// The maximised (restricted, for REML) log-likelihood.
    public let logLikelihood: Double
    /// Which log-likelihood, and which R function reports the same number.
    public let logLikelihoodScale: String
    public let sensitivity: EstimateInterval
    public let specificity: EstimateInterval
    public let positiveLikelihoodRatio: EstimateInterval
    public let negativeLikelihoodRatio: EstimateInterval
    public let diagnosticOddsRatio: EstimateInterval
    /// How sensitivity, specificity, the LRs and DOR and their intervals were derived.
    public let derivedMeasuresMethod: String
    public let confidenceRegion: EllipticalRegion
    public let predictionRegion: EllipticalRegion
    public let heterogeneity: Heterogeneity
    /// Nil when a variance is at 0 (β undefined); a note says so.
    public let hsroc: HSROCParameters?
    /// The SROC curve from the HSROC parameters, over the studies' false-positive rates.
    public let srocCurve: [CurvePoint]
    public let converged: Bool
    public let convergence: FitConvergence
    /// Boundary fits, in words (empty when none).
    public let boundary: [String]
    public let notes: [String]

    /// The fit itself, for derived quantities (not encoded).
    let fitted: BivariateFit

    /// Fits `settings.model` to `studies`; throws naming the bad study or
    /// value. A fit that reaches the iteration limit is returned with
    /// `converged` false.
    public init(studies: [Study], settings: MetaAnalysisSettings = .standard) throws(MetaAnalysisError) {
        try Study.validate(studies)
        let level = settings.level
        let fit: BivariateFit
        var notes: [String] = []
        let reml: ReitsmaLikelihood?
        switch settings.model {
        case .reitsma:
            let likelihood = try ReitsmaLikelihood(studies: studies, correction: settings.correction)
            reml = likelihood
            fit = try BivariateFit.reitsma(likelihood, maximumIterations: settings.maximumIterations)
            method = "REML (Reitsma et al. 2005): bivariate normal random effects on logit sensitivity and logit specificity with known within-study variances"
            logLikelihoodScale = "restricted log-likelihood, as metafor's logLik for rma.mv(…, method = \"REML\")"
            correction = settings.correction
            notes.append(settings.correction.sentence(for: studies))
        case .glmm:
            reml = nil
            // Starting values from the REML fit with the standard correction.
            let start = try BivariateFit.reitsma(
                ReitsmaLikelihood(studies: studies, correction: .standard), maximumIterations: settings.maximumIterations)
            let likelihood = try BinomialGLMMLikelihood(studies: studies, quadraturePoints: settings.quadraturePoints)
            fit = try BivariateFit.glmm(likelihood, start: start, maximumIterations: settings.maximumIterations)
            method = "maximum likelihood (Chu & Cole 2006): bivariate binomial GLMM, exact binomial within studies, \(settings.integration)"
            logLikelihoodScale =
                settings.quadraturePoints == 1
                ? "marginal log-likelihood by the Laplace approximation, binomial coefficients included, as lme4's logLik for glmer(…, nAGQ = 1)"
                : "marginal log-likelihood by adaptive Gauss–Hermite quadrature (\(settings.quadraturePoints) points per dimension), binomial coefficients included"
            correction = nil
            notes.append("No continuity correction: the GLMM uses the exact binomial likelihood, so zero cells need none.")
        }
        fitted = fit
        model = settings.model
        self.level = level.value
        confidenceLevel = level
        self.studies = try studies.enumerated().map { index, study throws(MetaAnalysisError) in
            try StudySummary(
                study: study, corrected: reml != nil && settings.correction.applies(to: study),
                logits: reml.map {
                    ($0.logitSensitivity[index], $0.logitSpecificity[index], $0.varianceSensitivity[index], $0.varianceSpecificity[index])
                }, level: level)
        }
        logitSensitivity = LogitEstimate(estimate: fit.mean.0, standardError: fit.meanCovariance.a.squareRoot())
        logitSpecificity = LogitEstimate(estimate: fit.mean.1, standardError: fit.meanCovariance.c.squareRoot())
        covarianceOfLogitMeans = fit.meanCovariance.b
        tau2Sensitivity = fit.sigma.a
        tau2Specificity = fit.sigma.c
        logLikelihood = fit.logLikelihood
        converged = fit.convergence.converged
        convergence = fit.convergence

        var boundary: [String] = []
        let varianceAtZero = fit.sigma.a <= BivariateFit.varianceBoundary || fit.sigma.c <= BivariateFit.varianceBoundary
        if fit.sigma.a <= BivariateFit.varianceBoundary {
            boundary.append(
                "The between-study variance of logit sensitivity is at its boundary, 0: the studies' sensitivities vary no more than chance explains, and the correlation is not identified."
            )
        }
        if fit.sigma.c <= BivariateFit.varianceBoundary {
            boundary.append(
                "The between-study variance of logit specificity is at its boundary, 0: the studies' specificities vary no more than chance explains, and the correlation is not identified."
            )
        }
        if varianceAtZero {
            correlation = nil
        } else {
            let rho = fit.sigma.b / (fit.sigma.a * fit.sigma.c).squareRoot()
            correlation = Swift.max(-1, Swift.min(1, rho))
            if abs(rho) >= 1 - BivariateFit.correlationBoundary {
                boundary.append(
                    "The between-study correlation is at its boundary, \(rho > 0 ? "+1" : "−1"): the data cannot estimate it (often too few studies); the variances and the regions lean on this value."
                )
            } else if abs(rho) >= 0.99 {
                boundary.append(
                    "The between-study correlation (\(String(cFormat: "%.4f", rho))) is next to its boundary \(rho > 0 ? "+1" : "−1"): it is poorly estimated, and the regions lean on it."
                )
            }
        }
        self.boundary = boundary

        let pooled = PooledAccuracy(mean: fit.mean, covariance: fit.meanCovariance, z: level.z, level: level.value)
        sensitivity = pooled.sensitivity
        specificity = pooled.specificity
        positiveLikelihoodRatio = pooled.positiveLikelihoodRatio
        negativeLikelihoodRatio = pooled.negativeLikelihoodRatio
        diagnosticOddsRatio = pooled.diagnosticOddsRatio
        derivedMeasuresMethod =
            "Sensitivity and specificity: expit of the logit means ± z·SE. LR+, LR− and DOR: derived from the bivariate estimates (not pooled separately), intervals by the \(PooledAccuracy.method)."
        confidenceRegion = EllipticalRegion(covers: "the summary point", centre: fit.mean, covariance: fit.meanCovariance, level: level.value)
        predictionRegion = EllipticalRegion(
            covers: "the logit sensitivity and specificity of a new study", centre: fit.mean, covariance: fit.sigma + fit.meanCovariance,
            level: level.value)
        heterogeneity = Heterogeneity(fit: fit, pooled: pooled, level: level.value, z: level.z, boundary: boundary)
        hsroc = HSROCParameters(mean: fit.mean, sigma: fit.sigma)
        srocCurve = hsroc?.curve(studies: studies) ?? []
        if hsroc == nil {
            notes.append("HSROC parameters and the SROC curve are not defined when a between-study variance is 0 (β = ln(σB/σA) is infinite).")
        }
        if studies.count < 5 {
            notes.append(
                "Only \(studies.count) studies: the between-study variances and correlation are poorly estimated; read the prediction region with caution.")
        }
        notes += fit.notes
        if !fit.convergence.converged {
            notes.append(
                "The optimiser did not converge (\(fit.convergence.status) after \(fit.convergence.iterations) iterations): the estimates are not maximum-likelihood estimates and must not be used."
            )
        }
        self.notes = notes
        try checkFinite()
    }

    /// The post-test probability for a new patient with `result` at
    /// `pretest`, from the pooled estimate (confidence interval) and for a
    /// new setting (prediction interval).
    public func posttest(pretest: Double, result: TestResult) throws(MetaAnalysisError) -> MetaPostTest {
        try MetaPostTest(analysis: self, pretest: pretest, result: result)
    }

    /// DxKit never outputs NaN or infinity: every number is checked once.
    private func checkFinite() throws(MetaAnalysisError) {
        let numbers: [(String, Double)] = [
            ("sensitivity", sensitivity.lower), ("sensitivity", sensitivity.upper),
            ("specificity", specificity.lower), ("specificity", specificity.upper),
            ("LR+", positiveLikelihoodRatio.lower), ("LR+", positiveLikelihoodRatio.upper),
            ("LR−", negativeLikelihoodRatio.lower), ("LR−", negativeLikelihoodRatio.upper),
            ("DOR", diagnosticOddsRatio.lower), ("DOR", diagnosticOddsRatio.upper),
            ("prediction interval", heterogeneity.sensitivityPrediction.upper),
            ("prediction interval", heterogeneity.specificityPrediction.upper),
        ]
        for (name, value) in numbers where !value.isFinite || value < 0 {
            throw .notFinite(name)
        }
        for point in confidenceRegion.points + predictionRegion.points
        where !point.logitSensitivity.isFinite || !point.logitSpecificity.isFinite {
            throw .notFinite("a region point")
        }
    }

    enum CodingKeys: String, CodingKey {
        case model, method, level, studies, correction, logitSensitivity, logitSpecificity, covarianceOfLogitMeans
        case tau2Sensitivity, tau2Specificity, correlation, logLikelihood, logLikelihoodScale
        case sensitivity, specificity, positiveLikelihoodRatio, negativeLikelihoodRatio, diagnosticOddsRatio, derivedMeasuresMethod
        case confidenceRegion, predictionRegion, heterogeneity, hsroc, srocCurve, converged, convergence, boundary, notes
    }

    /// Encodes every key, with `null` for a missing correlation, correction or HSROC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(method, forKey: .method)
        try container.encode(level, forKey: .level)
        try container.encode(studies, forKey: .studies)
        try container.encode(correction, forKey: .correction)
        try container.encode(logitSensitivity, forKey: .logitSensitivity)
        try container.encode(logitSpecificity, forKey: .logitSpecificity)
        try container.encode(covarianceOfLogitMeans, forKey: .covarianceOfLogitMeans)
        try container.encode(tau2Sensitivity, forKey: .tau2Sensitivity)
        try container.encode(tau2Specificity, forKey: .tau2Specificity)
        try container.encode(correlation, forKey: .correlation)
        try container.encode(logLikelihood, forKey: .logLikelihood)
        try container.encode(logLikelihoodScale, forKey: .logLikelihoodScale)
        try container.encode(sensitivity, forKey: .sensitivity)
        try container.encode(specificity, forKey: .specificity)
        try container.encode(positiveLikelihoodRatio, forKey: .positiveLikelihoodRatio)
        try container.encode(negativeLikelihoodRatio, forKey: .negativeLikelihoodRatio)
        try container.encode(diagnosticOddsRatio, forKey: .diagnosticOddsRatio)
        try container.encode(derivedMeasuresMethod, forKey: .derivedMeasuresMethod)
        try container.encode(confidenceRegion, forKey: .confidenceRegion)
        try container.encode(predictionRegion, forKey: .predictionRegion)
        try container.encode(heterogeneity, forKey: .heterogeneity)
        try container.encode(hsroc, forKey: .hsroc)
        try container.encode(srocCurve, forKey: .srocCurve)
        try container.encode(converged, forKey: .converged)
        try container.encode(convergence, forKey: .convergence)
        try container.encode(boundary, forKey: .boundary)
        try container.encode(notes, forKey: .notes)
    }
}
