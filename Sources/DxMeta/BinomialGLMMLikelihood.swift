import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The marginal log-likelihood of the bivariate binomial GLMM of Chu & Cole
/// (2006), by the Laplace approximation or by adaptive Gauss–Hermite
/// quadrature.
///
/// Study i: TPᵢ ~ Bin(n₁ᵢ, expit(μ₁ + bᵢ₁)), TNᵢ ~ Bin(n₀ᵢ, expit(μ₂ + bᵢ₂)),
/// bᵢ = L uᵢ with uᵢ ~ N(0, I) (Σ = LL′, the parameterisation of lme4's θ).
/// With hᵢ(u) = ln p(TPᵢ, TNᵢ | μ + Lu) − ½u′u (binomial coefficients
/// apart), its mode ûᵢ (Newton's method) and Hᵢ = L′DᵢL + I, where
/// Dᵢ = diag(n₁p₁(1 − p₁), n₀p₂(1 − p₂)) at ûᵢ:
///
///     Laplace:  ln Lᵢ ≈ ln Cᵢ + hᵢ(ûᵢ) − ½ ln|Hᵢ|
///     AGHQ(N):  ln Lᵢ ≈ ln Cᵢ + ln( |R|/π Σⱼₖ wⱼwₖ exp(hᵢ(ûᵢ + √2 R xⱼₖ) + xⱼₖ′xⱼₖ) ),  RR′ = Hᵢ⁻¹
///
/// with Cᵢ = C(n₁, TP)·C(n₀, TN) and the N-point Gauss–Hermite nodes x and
/// weights w (GSL). One point reproduces the Laplace value. The
/// log-likelihood is on the scale of lme4's `logLik` for `glmer(cbind(pos,
/// n − pos) ~ 0 + se + sp + (0 + se + sp | study), family = binomial)`,
/// binomial coefficients included.
///
/// Chu H, Cole SR. Bivariate meta-analysis of sensitivity and specificity
/// with sparse data: a generalized linear mixed model approach. J Clin
/// Epidemiol 2006;59:1331–1332. Pinheiro JC, Bates DM. Approximations to
/// the log-likelihood function in the nonlinear mixed-effects model. J
/// Comput Graph Stat 1995;4:12–35.
final class BinomialGLMMLikelihood {
    private let tp: [Double], fn: [Double], fp: [Double], tn: [Double]
    private let logCoefficients: [Double]
    private let nodes: [Double]
    private let weights: [Double]
    /// The last modes, the starting points of the next Newton runs.
    private var modes: [(Double, Double)]
    let quadraturePoints: Int

    init(studies: [Study], quadraturePoints: Int) throws(MetaAnalysisError) {
        tp = studies.map { Double($0.truePositives) }
        fn = studies.map { Double($0.falseNegatives) }
        fp = studies.map { Double($0.falsePositives) }
        tn = studies.map { Double($0.trueNegatives) }
        logCoefficients = studies.map { study in
            func logChoose(_ n: Int, _ k: Int) -> Double {
                lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
            }
            return logChoose(study.withCondition, study.truePositives) + logChoose(study.withoutCondition, study.trueNegatives)
        }
        self.quadraturePoints = quadraturePoints
        if quadraturePoints > 1 {
            let rule = try GSLOptimisation.gaussHermite(points: quadraturePoints)
            nodes = rule.nodes
            weights = rule.weights
        } else {
            nodes = [0]
            weights = [Double.pi.squareRoot()]
        }
        modes = Array(repeating: (0, 0), count: studies.count)
    }

    var count: Int { tp.count }

    /// ln expit(x), without overflow.
    @inline(__always)
    static func logExpit(_ x: Double) -> Double {
        x > 0 ? -log1p(exp(-x)) : x - log1p(exp(x))
    }

    @inline(__always)
    static func expit(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    /// The marginal log-likelihood at (μ₁, μ₂, l11, l21, l22), or nil when a
    /// study's mode cannot be found.
    func logLikelihood(_ parameters: [Double]) -> Double? {
        let mu1 = parameters[0], mu2 = parameters[1]
        let l11 = parameters[2], l21 = parameters[3], l22 = parameters[4]
        var total = 0.0
        for index in 0..<count {
            let a = tp[index], c = fn[index], b = fp[index], d = tn[index]
            let n1 = a + c, n0 = b + d
            func h(_ u1: Double, _ u2: Double) -> Double {
                let eta1 = mu1 + l11 * u1, eta2 = mu2 + l21 * u1 + l22 * u2
                return a * Self.logExpit(eta1) + c * Self.logExpit(-eta1) + d * Self.logExpit(eta2) + b * Self.logExpit(-eta2)
                    - 0.5 * (u1 * u1 + u2 * u2)
            }
            // Newton's method on the concave hᵢ, from the last mode, with step halving.
            var (u1, u2) = modes[index]
            var value = h(u1, u2)
            var hessian = SymmetricMatrix2(a: 1, b: 0, c: 1)
            var converged = false
            for _ in 0..<100 {
                let eta1 = mu1 + l11 * u1, eta2 = mu2 + l21 * u1 + l22 * u2
                let p1 = Self.expit(eta1), p2 = Self.expit(eta2)
                let g1 = a - n1 * p1, g2 = d - n0 * p2
                let d1 = n1 * p1 * (1 - p1), d2 = n0 * p2 * (1 - p2)
                let gradient = (l11 * g1 + l21 * g2 - u1, l22 * g2 - u2)
                hessian = SymmetricMatrix2(a: l11 * l11 * d1 + l21 * l21 * d2 + 1, b: l21 * l22 * d2, c: l22 * l22 * d2 + 1)
                var step = hessian.inverse.times(gradient)
                var next = h(u1 + step.0, u2 + step.1)
                var halvings = 0
                while next < value - 1e-12 * Swift.max(1, abs(value)) && halvings < 40 {
                    step = (step.0 / 2, step.1 / 2)
                    next = h(u1 + step.0, u2 + step.1)
                    halvings += 1
                }
                u1 += step.0
                u2 += step.1
                value = next
                if abs(step.0) + abs(step.1) < 1e-12 {
                    converged = true
                    break
                }
            }
            guard converged, value.isFinite else { return nil }
            // The Hessian at the mode itself.
            let eta1 = mu1 + l11 * u1, eta2 = mu2 + l21 * u1 + l22 * u2
            let p1 = Self.expit(eta1), p2 = Self.expit(eta2)
            let d1 = n1 * p1 * (1 - p1), d2 = n0 * p2 * (1 - p2)
            hessian = SymmetricMatrix2(a: l11 * l11 * d1 + l21 * l21 * d2 + 1, b: l21 * l22 * d2, c: l22 * l22 * d2 + 1)
            modes[index] = (u1, u2)
            if quadraturePoints == 1 {
                total += logCoefficients[index] + value - 0.5 * log(hessian.determinant)
                continue
            }
            // R R′ = H⁻¹, u = û + √2 R x.
            let (r11, r21, r22) = hessian.inverse.cholesky
            let scale = 2.0.squareRoot()
            var sum = 0.0
            for (j, xj) in nodes.enumerated() {
                for (k, xk) in nodes.enumerated() {
                    let z1 = scale * xj, z2 = scale * xk
                    let v1 = u1 + r11 * z1, v2 = u2 + r21 * z1 + r22 * z2
                    sum += weights[j] * weights[k] * exp(h(v1, v2) - value + xj * xj + xk * xk)
                }
            }
            total += logCoefficients[index] + value + log(r11 * r22) - log(Double.pi) + log(sum)
        }
        return total.isFinite ? total : nil
    }
}
