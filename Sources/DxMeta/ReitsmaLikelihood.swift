import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The restricted (REML) log-likelihood of the bivariate random-effects
/// model of Reitsma et al. (2005), and its analytic gradient.
///
/// Study i contributes yᵢ = (logit Seᵢ, logit Spᵢ) = (ln(a/c), ln(d/b)) with
/// within-study variances Sᵢ = diag(1/a + 1/c, 1/b + 1/d) (after the
/// continuity correction); yᵢ ~ N(μ, Σ + Sᵢ). With Wᵢ = (Σ + Sᵢ)⁻¹,
/// A = ΣWᵢ, μ̂ = A⁻¹ΣWᵢyᵢ and rᵢ = yᵢ − μ̂, for k studies:
///
///     ℓ_R(Σ) = −½(2k − 2) ln 2π + ½ ln|X′X| − ½ Σ ln|Σ + Sᵢ| − ½ ln|A| − ½ Σ rᵢ′Wᵢrᵢ
///
/// with ln|X′X| = 2 ln k: the scale of metafor's `logLik` for `rma.mv(…,
/// method = "REML")`, whose `REMLf = TRUE` keeps the ½ ln|X′X| term.
///
/// Σ is parameterised by its lower Cholesky factor L (Σ = LL′, three free
/// reals), so that the variances stay ≥ 0 and the correlation in [−1, 1]
/// without bounds, and a boundary (a variance 0, a correlation ±1) is a
/// point the optimiser can reach. The gradient: dℓ_R = tr(G dΣ) with
///
///     G = −½(ΣWᵢ − ΣWᵢA⁻¹Wᵢ) + ½ Σ(Wᵢrᵢ)(Wᵢrᵢ)′,   ∂ℓ_R/∂L = 2 G L.
///
/// Reitsma JB, Glas AS, Rutjes AWS, Scholten RJPM, Bossuyt PM, Zwinderman
/// AH. Bivariate analysis of sensitivity and specificity produces
/// informative summary measures in diagnostic reviews. J Clin Epidemiol
/// 2005;58:982–990. Harville DA. Maximum likelihood approaches to variance
/// component estimation. J Am Stat Assoc 1977;72:320–338.
struct ReitsmaLikelihood: Sendable {
    /// Logits and within-study variances of each study.
    let logitSensitivity: [Double]
    let logitSpecificity: [Double]
    let varianceSensitivity: [Double]
    let varianceSpecificity: [Double]

    init(studies: [Study], correction: ContinuityCorrection) throws(MetaAnalysisError) {
        var y1: [Double] = [], y2: [Double] = [], v1: [Double] = [], v2: [Double] = []
        for study in studies {
            if study.hasZeroCell && !correction.applies(to: study) {
                throw .zeroCellWithoutCorrection(study: study.name, cells: study.zeroCells)
            }
            let cells = correction.cells(of: study)
            y1.append(log(cells.tp / cells.fn))
            y2.append(log(cells.tn / cells.fp))
            v1.append(1 / cells.tp + 1 / cells.fn)
            v2.append(1 / cells.fp + 1 / cells.tn)
        }
        logitSensitivity = y1
        logitSpecificity = y2
        varianceSensitivity = v1
        varianceSpecificity = v2
    }

    var count: Int { logitSensitivity.count }

    /// The generalised least-squares means and their covariance A⁻¹ for a given Σ.
    func means(sigma: SymmetricMatrix2) -> (mean: (Double, Double), covariance: SymmetricMatrix2) {
        var sumW = SymmetricMatrix2.zero
        var sumWy = (0.0, 0.0)
        for index in 0..<count {
            let w = SymmetricMatrix2(a: sigma.a + varianceSensitivity[index], b: sigma.b, c: sigma.c + varianceSpecificity[index]).inverse
            sumW = sumW + w
            let wy = w.times((logitSensitivity[index], logitSpecificity[index]))
            sumWy = (sumWy.0 + wy.0, sumWy.1 + wy.1)
        }
        let covariance = sumW.inverse
        return (covariance.times(sumWy), covariance)
    }

    /// ℓ_R and its gradient with respect to (l11, l21, l22).
    func evaluate(_ cholesky: [Double]) -> (logLikelihood: Double, gradient: [Double]) {
        let (l11, l21, l22) = (cholesky[0], cholesky[1], cholesky[2])
        let sigma = SymmetricMatrix2.fromCholesky(l11, l21, l22)
        let k = count
        var weights: [SymmetricMatrix2] = []
        weights.reserveCapacity(k)
        var sumW = SymmetricMatrix2.zero
        var sumWy = (0.0, 0.0)
        var logDeterminants = 0.0
        for index in 0..<k {
            let v = SymmetricMatrix2(a: sigma.a + varianceSensitivity[index], b: sigma.b, c: sigma.c + varianceSpecificity[index])
            logDeterminants += log(v.determinant)
            let w = v.inverse
            weights.append(w)
            sumW = sumW + w
            let wy = w.times((logitSensitivity[index], logitSpecificity[index]))
            sumWy = (sumWy.0 + wy.0, sumWy.1 + wy.1)
        }
        let inverseA = sumW.inverse
        let mean = inverseA.times(sumWy)
        var residualSquares = 0.0
        var sandwiches = SymmetricMatrix2.zero
        var scores = SymmetricMatrix2.zero
        for index in 0..<k {
            let w = weights[index]
            let residual = (logitSensitivity[index] - mean.0, logitSpecificity[index] - mean.1)
            let wr = w.times(residual)
            residualSquares += residual.0 * wr.0 + residual.1 * wr.1
            sandwiches = sandwiches + w.sandwich(inverseA)
            scores = scores + SymmetricMatrix2.outer(wr)
        }
        let kk = Double(k)
        let logLikelihood =
            -0.5 * (2 * kk - 2) * log(2 * Double.pi) + log(kk) - 0.5 * logDeterminants - 0.5 * log(sumW.determinant)
            - 0.5 * residualSquares
        // G = −½(ΣW − ΣWA⁻¹W) + ½Σ(Wr)(Wr)′; ∂ℓ/∂L = 2GL (lower triangle).
        let g = SymmetricMatrix2(
            a: -0.5 * (sumW.a - sandwiches.a) + 0.5 * scores.a,
            b: -0.5 * (sumW.b - sandwiches.b) + 0.5 * scores.b,
            c: -0.5 * (sumW.c - sandwiches.c) + 0.5 * scores.c)
        let gradient = [2 * (g.a * l11 + g.b * l21), 2 * (g.b * l11 + g.c * l21), 2 * g.c * l22]
        return (logLikelihood, gradient)
    }
}
