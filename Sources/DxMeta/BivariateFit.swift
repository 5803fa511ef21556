import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fitted bivariate model on the (logit sensitivity, logit specificity)
/// plane: the means and their covariance, the between-study covariance Σ,
/// the maximised log-likelihood and how the optimiser ended. Both models
/// produce one; the summaries are computed from it alone.
struct BivariateFit: Sendable {
    /// (μ₁, μ₂) = (mean logit sensitivity, mean logit specificity).
    var mean: (Double, Double)
    /// Cov(μ̂).
    var meanCovariance: SymmetricMatrix2
    /// Σ, the between-study covariance.
    var sigma: SymmetricMatrix2
    /// The maximised (restricted) log-likelihood.
    var logLikelihood: Double
    var convergence: FitConvergence
    /// Notes from fitting (standard errors conditional on Σ, etc.).
    var notes: [String] = []

    /// A variance at or below this is reported as at the boundary 0.
    static let varianceBoundary = 1e-8
    /// A correlation within this of ±1 is reported as at the boundary.
    static let correlationBoundary = 1e-6

    /// Checks every number is finite; a non-finite one is an error, never output.
    func checkedFinite() throws(MetaAnalysisError) -> BivariateFit {
        guard mean.0.isFinite, mean.1.isFinite else { throw .notFinite("mean logits") }
        guard meanCovariance.isFinite, meanCovariance.a > 0, meanCovariance.c > 0 else { throw .notFinite("standard errors") }
        guard sigma.isFinite else { throw .notFinite("between-study variances") }
        guard logLikelihood.isFinite else { throw .notFinite("log-likelihood") }
        return self
    }

    // MARK: REML

    /// Maximises the REML log-likelihood with BFGS and analytic gradients
    /// from three starting correlations (−0.5, 0, 0.5; variances from the
    /// method of moments), keeping the best.
    static func reitsma(_ likelihood: ReitsmaLikelihood, maximumIterations: Int) throws(MetaAnalysisError) -> BivariateFit {
        let k = Double(likelihood.count)
        func momentVariance(_ y: [Double], _ v: [Double]) -> Double {
            let mean = y.reduce(0, +) / k
            let spread = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Swift.max(k - 1, 1)
            return Swift.max(spread - v.reduce(0, +) / k, 0.05 * spread + 0.01)
        }
        let tau1 = momentVariance(likelihood.logitSensitivity, likelihood.varianceSensitivity).squareRoot()
        let tau2 = momentVariance(likelihood.logitSpecificity, likelihood.varianceSpecificity).squareRoot()
        let tolerance = 1e-9 * Swift.max(1, k)
        var best: GSLOptimisation.Outcome?
        for rho in [0.0, -0.5, 0.5] {
            let start = [tau1, rho * tau2, tau2 * (1 - rho * rho).squareRoot()]
            let outcome = GSLOptimisation.minimiseWithGradient(
                start: start, stepSize: 0.1, lineTolerance: 0.1, gradientTolerance: tolerance, maximumIterations: maximumIterations
            ) { parameters in
                let (value, gradient) = likelihood.evaluate(parameters)
                guard value.isFinite, gradient.allSatisfy(\.isFinite) else { return (Double.greatestFiniteMagnitude, [0, 0, 0]) }
                return (-value, gradient.map { -$0 })
            }
            guard outcome.value.isFinite, outcome.value < Double.greatestFiniteMagnitude else { continue }
            if let current = best {
                // Prefer a converged run; among equals, the higher likelihood.
                if (outcome.converged && !current.converged) || (outcome.converged == current.converged && outcome.value < current.value - 1e-10) {
                    best = outcome
                }
            } else {
                best = outcome
            }
        }
        guard let best else { throw .notFinite("REML log-likelihood at every starting point") }
        // BFGS stops when its line search can no longer make progress, often a little short of the
        // gradient test; Newton steps with the finite-difference Jacobian of the analytic gradient finish
        // the job wherever that Jacobian is positive definite (not where a variance is at 0).
        var parameters = best.parameters
        var (logLikelihood, gradient) = likelihood.evaluate(parameters)
        var newtonSteps = 0
        if best.converged {
            for _ in 0..<3 {
                var hessian = Array(repeating: [0.0, 0.0, 0.0], count: 3)
                for j in 0..<3 {
                    let h = 1e-6 * Swift.max(1, abs(parameters[j]))
                    var up = parameters, down = parameters
                    up[j] += h
                    down[j] -= h
                    let (gUp, gDown) = (likelihood.evaluate(up).gradient, likelihood.evaluate(down).gradient)
                    for i in 0..<3 { hessian[i][j] = -(gUp[i] - gDown[i]) / (2 * h) }
                }
                for i in 0..<3 {
                    for j in 0..<i { (hessian[i][j], hessian[j][i]) = ((hessian[i][j] + hessian[j][i]) / 2, (hessian[i][j] + hessian[j][i]) / 2) }
                }
                guard let inverse = inverseOfPositiveDefinite(hessian) else { break }
                let candidate = (0..<3).map { i in parameters[i] + (0..<3).reduce(0) { $0 + inverse[i][$1] * gradient[$1] } }
                let (candidateValue, candidateGradient) = likelihood.evaluate(candidate)
                let norm = { (g: [Double]) in g.reduce(0) { $0 + $1 * $1 }.squareRoot() }
                guard candidateValue.isFinite, candidateValue >= logLikelihood - 1e-12, norm(candidateGradient) < norm(gradient) else { break }
                (parameters, logLikelihood, gradient) = (candidate, candidateValue, candidateGradient)
                newtonSteps += 1
                if norm(gradient) < tolerance / 100 { break }
            }
        }
        let gradientNorm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let sigma = SymmetricMatrix2.fromCholesky(parameters[0], parameters[1], parameters[2])
        let (mean, covariance) = likelihood.means(sigma: sigma)
        let status = gradientNorm < tolerance ? "success" : best.status
        return try BivariateFit(
            mean: mean, meanCovariance: covariance, sigma: sigma, logLikelihood: logLikelihood,
            convergence: FitConvergence(
                converged: best.converged,
                algorithm: best.algorithm + ", best of 3 starts" + (newtonSteps > 0 ? ", then \(newtonSteps) Newton step\(newtonSteps == 1 ? "" : "s")" : ""),
                iterations: best.iterations, criterionName: best.criterionName, criterion: gradientNorm, tolerance: tolerance, status: status)
        ).checkedFinite()
    }

    // MARK: GLMM

    /// Maximises the GLMM marginal likelihood with Nelder–Mead over
    /// (μ₁, μ₂, l11, l21, l22), from `start` (the REML fit), restarting at
    /// the optimum until the log-likelihood stops improving; standard errors
    /// from the inverse of the numerical Hessian (central differences), as
    /// lme4's `vcov` does with its finite-difference Hessian.
    static func glmm(_ likelihood: BinomialGLMMLikelihood, start: BivariateFit, maximumIterations: Int) throws(MetaAnalysisError)
        -> BivariateFit
    {
        let (s11, s21, s22) = start.sigma.cholesky
        var parameters = [start.mean.0, start.mean.1, Swift.max(s11, 0.05), s21, Swift.max(s22, 0.05)]
        func objective(_ p: [Double]) -> Double {
            guard let value = likelihood.logLikelihood(p) else { return Double.greatestFiniteMagnitude }
            return -value
        }
        let tolerance = 1e-6
        var value = objective(parameters)
        guard value < Double.greatestFiniteMagnitude else { throw .notFinite("GLMM log-likelihood at the starting values") }
        var iterations = 0
        var outcome: GSLOptimisation.Outcome?
        var step = 0.2
        for _ in 0..<8 {
            let run = GSLOptimisation.minimiseSimplex(
                start: parameters, steps: Array(repeating: step, count: 5), sizeTolerance: tolerance,
                maximumIterations: Swift.max(1, maximumIterations - iterations), function: objective)
            iterations += run.iterations
            let improvement = value - run.value
            if run.value < value {
                parameters = run.parameters
                value = run.value
            }
            outcome = run
            if !run.converged || iterations >= maximumIterations { break }
            if improvement < 1e-10 { break }
            step = 0.02
        }
        guard let outcome else { throw .notFinite("GLMM optimisation") }
        guard value < Double.greatestFiniteMagnitude else { throw .notFinite("GLMM log-likelihood") }
        // Nelder–Mead cannot resolve the optimum much below its simplex tolerance; Newton steps with the
        // finite-difference gradient and Hessian finish the job where the Hessian is positive definite.
        var newtonSteps = 0
        for _ in 0..<4 {
            let (gradient, hessian) = Self.derivatives(objective, at: parameters)
            guard let inverse = Self.inverseOfPositiveDefinite(hessian) else { break }
            let step = (0..<5).map { i in (0..<5).reduce(0) { $0 + inverse[i][$1] * gradient[$1] } }
            let candidate = zip(parameters, step).map { $0 - $1 }
            let candidateValue = objective(candidate)
            guard candidateValue <= value else { break }
            parameters = candidate
            value = candidateValue
            newtonSteps += 1
            if step.reduce(0, { $0 + abs($1) }) < 1e-10 { break }
        }
        let converged = outcome.converged && iterations < maximumIterations
        let gradientNorm = Self.derivatives(objective, at: parameters).gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let sigma = SymmetricMatrix2.fromCholesky(parameters[2], parameters[3], parameters[4])
        var notes: [String] = []
        var covariance = Self.inverseHessianMeanBlock(objective, at: parameters, all: true)
        if covariance == nil {
            covariance = Self.inverseHessianMeanBlock(objective, at: parameters, all: false)
            notes.append(
                "The Hessian of the GLMM likelihood is singular at the estimate (a boundary fit): the standard errors of the mean logits treat the between-study variances as known."
            )
        }
        guard let covariance else { throw .notFinite("the Hessian of the GLMM likelihood") }
        _ = likelihood.logLikelihood(parameters)  // leave the stored modes at the optimum
        return try BivariateFit(
            mean: (parameters[0], parameters[1]), meanCovariance: covariance, sigma: sigma, logLikelihood: -value,
            convergence: FitConvergence(
                converged: converged,
                algorithm: outcome.algorithm
                    + ", restarted at its optimum, then \(newtonSteps) Newton step\(newtonSteps == 1 ? "" : "s") with a finite-difference Hessian",
                iterations: iterations, criterionName: outcome.criterionName, criterion: outcome.criterion, tolerance: tolerance,
                status: (converged ? "success" : outcome.status) + "; final finite-difference gradient norm \(String(cFormat: "%.1e", gradientNorm))"),
            notes: notes
        ).checkedFinite()
    }

    /// The central-difference gradient and Hessian of `objective` at `point`.
    static func derivatives(_ objective: ([Double]) -> Double, at point: [Double]) -> (gradient: [Double], hessian: [[Double]]) {
        let dimension = point.count
        let steps = point.map { 1e-4 * Swift.max(1, abs($0)) }
        let centre = objective(point)
        func value(_ shifts: [(Int, Double)]) -> Double {
            var moved = point
            for (index, amount) in shifts { moved[index] += amount }
            return objective(moved)
        }
        var gradient = Array(repeating: 0.0, count: dimension)
        var hessian = Array(repeating: Array(repeating: 0.0, count: dimension), count: dimension)
        for i in 0..<dimension {
            let h = steps[i]
            let up = value([(i, h)]), down = value([(i, -h)])
            gradient[i] = (up - down) / (2 * h)
            hessian[i][i] = (up - 2 * centre + down) / (h * h)
            for j in 0..<i {
                let g = steps[j]
                let mixed = (value([(i, h), (j, g)]) - value([(i, h), (j, -g)]) - value([(i, -h), (j, g)]) + value([(i, -h), (j, -g)])) / (4 * h * g)
                hessian[i][j] = mixed
                hessian[j][i] = mixed
            }
        }
        return (gradient, hessian)
    }

    /// The (μ₁, μ₂) block of the inverse Hessian of `objective` (a negative
    /// log-likelihood) at `point`, by central differences; `all` false uses
    /// the 2×2 Hessian of the means alone. Nil when not positive definite.
    static func inverseHessianMeanBlock(_ objective: ([Double]) -> Double, at point: [Double], all: Bool) -> SymmetricMatrix2? {
        var hessian = derivatives(objective, at: point).hessian
        if !all { hessian = [Array(hessian[0].prefix(2)), Array(hessian[1].prefix(2))] }
        guard let inverse = Self.inverseOfPositiveDefinite(hessian) else { return nil }
        return SymmetricMatrix2(a: inverse[0][0], b: inverse[0][1], c: inverse[1][1])
    }

    /// The inverse of a symmetric positive-definite matrix by Cholesky
    /// decomposition; nil when a pivot is not positive.
    static func inverseOfPositiveDefinite(_ matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        var lower = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= lower[i][k] * lower[j][k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[i][i] = sum.squareRoot()
                } else {
                    lower[i][j] = sum / lower[j][j]
                }
            }
        }
        // Solve L L′ X = I column by column.
        var inverse = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for column in 0..<n {
            var y = Array(repeating: 0.0, count: n)
            for i in 0..<n {
                var sum = i == column ? 1.0 : 0.0
                for k in 0..<i { sum -= lower[i][k] * y[k] }
                y[i] = sum / lower[i][i]
            }
            var x = Array(repeating: 0.0, count: n)
            for i in stride(from: n - 1, through: 0, by: -1) {
                var sum = y[i]
                for k in (i + 1)..<n { sum -= lower[k][i] * x[k] }
                x[i] = sum / lower[i][i]
            }
            for i in 0..<n { inverse[i][column] = x[i] }
        }
        return inverse
    }
}
