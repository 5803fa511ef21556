// Every call into the GNU Scientific Library that DxMeta makes lives in this
// file (architecture.md: one internal GSL file per target, no C type in any
// public API).
//
// The traps, as in DxStats/GSL.swift:
// 1. GSL's default error handler aborts the process. DxStats's `GSL.prepare()`
//    (package-level) switches it off once, process-wide; every entry point
//    below calls it first. A minimiser that meets trouble then returns a
//    status code, which becomes `Outcome.status`, never a crash.
// 2. The minimiser and quadrature types are mutable C globals; `shim.h`
//    returns them from functions so that Swift 6 language mode accepts them.
// 3. GSL calls back into Swift through C function pointers that cannot
//    capture; the Swift closure travels in the `params` pointer, as in
//    DxStats's Brent root finder.

internal import CGSL
import DxStats

/// Checked wrappers around GSL's multidimensional minimisers
/// (`gsl_multimin`), its fixed-point Gauss–Hermite rule
/// (`gsl_integration_fixed`) and the normal distribution function.
enum GSLOptimisation {
    /// What a minimisation ended with.
    struct Outcome: Sendable {
        /// The parameters at the smallest value found.
        var parameters: [Double]
        /// The function value there.
        var value: Double
        /// Iterations used.
        var iterations: Int
        /// The gradient norm (BFGS) or the simplex size (Nelder–Mead) at the end.
        var criterion: Double
        /// The criterion's name: "gradient norm" or "simplex size".
        var criterionName: String
        /// Whether the stopping test was met.
        var converged: Bool
        /// GSL's words for how it ended ("success", "iteration limit reached", …).
        var status: String
        /// The algorithm, e.g. "GSL vector_bfgs2".
        var algorithm: String
    }

    // MARK: BFGS with analytic gradients

    /// Minimises `function` from `start` with GSL's `vector_bfgs2`
    /// (Fletcher's BFGS with a More–Thuente-style line search), using the
    /// analytic gradient that `function` returns with its value.
    ///
    /// Stops when the gradient's Euclidean norm is below `gradientTolerance`
    /// (`gsl_multimin_test_gradient`). GSL returns `GSL_ENOPROG` when no
    /// further step lowers the function; that counts as converged only when
    /// the gradient norm is then below `100 × gradientTolerance`.
    static func minimiseWithGradient(
        start: [Double],
        stepSize: Double = 0.1,
        lineTolerance: Double = 0.1,
        gradientTolerance: Double,
        maximumIterations: Int,
        function: ([Double]) -> (value: Double, gradient: [Double])
    ) -> Outcome {
        GSL.prepare()
        let count = start.count
        precondition(count > 0, "nothing to minimise")
        return withoutActuallyEscaping(function) { escapable in
            var box = GradientBox(evaluate: escapable)
            return withUnsafeMutablePointer(to: &box) { boxPointer in
                var callbacks = gsl_multimin_function_fdf(
                    f: { x, parameters in
                        let box = parameters!.assumingMemoryBound(to: GradientBox.self)
                        return box.pointee.evaluate(GSLOptimisation.array(x!)).value
                    },
                    df: { x, parameters, gradient in
                        let box = parameters!.assumingMemoryBound(to: GradientBox.self)
                        GSLOptimisation.store(box.pointee.evaluate(GSLOptimisation.array(x!)).gradient, in: gradient!)
                    },
                    fdf: { x, parameters, value, gradient in
                        let box = parameters!.assumingMemoryBound(to: GradientBox.self)
                        let result = box.pointee.evaluate(GSLOptimisation.array(x!))
                        value!.pointee = result.value
                        GSLOptimisation.store(result.gradient, in: gradient!)
                    },
                    n: count,
                    params: UnsafeMutableRawPointer(boxPointer)
                )
                let algorithm = "GSL vector_bfgs2 (analytic gradient)"
                guard let minimiser = gsl_multimin_fdfminimizer_alloc(dxkit_multimin_vector_bfgs2(), count),
                    let x = gsl_vector_alloc(count)
                else {
                    return Outcome(
                        parameters: start, value: .nan, iterations: 0, criterion: .nan, criterionName: "gradient norm", converged: false,
                        status: "GSL could not allocate the minimiser", algorithm: algorithm)
                }
                defer {
                    gsl_multimin_fdfminimizer_free(minimiser)
                    gsl_vector_free(x)
                }
                store(start, in: x)
                let setStatus = gsl_multimin_fdfminimizer_set(minimiser, &callbacks, x, stepSize, lineTolerance)
                guard setStatus == GSL_SUCCESS else {
                    return Outcome(
                        parameters: start, value: .nan, iterations: 0, criterion: .nan, criterionName: "gradient norm", converged: false,
                        status: statusText(setStatus), algorithm: algorithm)
                }
                var iterations = 0
                var status = "iteration limit reached"
                var converged = false
                while iterations < maximumIterations {
                    iterations += 1
                    let step = gsl_multimin_fdfminimizer_iterate(minimiser)
                    let gradient = gsl_multimin_fdfminimizer_gradient(minimiser)!
                    if gsl_multimin_test_gradient(gradient, gradientTolerance) == GSL_SUCCESS {
                        status = "success"
                        converged = true
                        break
                    }
                    if step != GSL_SUCCESS {
                        let norm = norm(gradient)
                        converged = norm < 100 * gradientTolerance
                        status = statusText(step) + (converged ? " at a stationary point" : "")
                        break
                    }
                }
                let gradient = gsl_multimin_fdfminimizer_gradient(minimiser)!
                return Outcome(
                    parameters: array(gsl_multimin_fdfminimizer_x(minimiser)!),
                    value: gsl_multimin_fdfminimizer_minimum(minimiser), iterations: iterations,
                    criterion: norm(gradient), criterionName: "gradient norm", converged: converged,
                    status: status, algorithm: algorithm)
            }
        }
    }

    // MARK: Nelder–Mead

    /// Minimises `function` from `start` with GSL's `nmsimplex2`
    /// (Nelder–Mead), starting simplex sides `steps`.
    ///
    /// Stops when the simplex size (mean distance of the vertices from
    /// their centre) is below `sizeTolerance` (`gsl_multimin_test_size`).
    static func minimiseSimplex(
        start: [Double],
        steps: [Double],
        sizeTolerance: Double,
        maximumIterations: Int,
        function: ([Double]) -> Double
    ) -> Outcome {
        GSL.prepare()
        let count = start.count
        precondition(count > 0 && steps.count == count, "start and steps must have the same positive length")
        return withoutActuallyEscaping(function) { escapable in
            var box = ValueBox(evaluate: escapable)
            return withUnsafeMutablePointer(to: &box) { boxPointer in
                var callback = gsl_multimin_function(
                    f: { x, parameters in
                        parameters!.assumingMemoryBound(to: ValueBox.self).pointee.evaluate(GSLOptimisation.array(x!))
                    },
                    n: count,
                    params: UnsafeMutableRawPointer(boxPointer)
                )
                let algorithm = "GSL nmsimplex2 (Nelder–Mead)"
                guard let minimiser = gsl_multimin_fminimizer_alloc(dxkit_multimin_nmsimplex2(), count),
                    let x = gsl_vector_alloc(count), let sides = gsl_vector_alloc(count)
                else {
                    return Outcome(
                        parameters: start, value: .nan, iterations: 0, criterion: .nan, criterionName: "simplex size", converged: false,
                        status: "GSL could not allocate the minimiser", algorithm: algorithm)
                }
                defer {
                    gsl_multimin_fminimizer_free(minimiser)
                    gsl_vector_free(x)
                    gsl_vector_free(sides)
                }
                store(start, in: x)
                store(steps, in: sides)
                let setStatus = gsl_multimin_fminimizer_set(minimiser, &callback, x, sides)
                guard setStatus == GSL_SUCCESS else {
                    return Outcome(
                        parameters: start, value: .nan, iterations: 0, criterion: .nan, criterionName: "simplex size", converged: false,
                        status: statusText(setStatus), algorithm: algorithm)
                }
                var iterations = 0
                var status = "iteration limit reached"
                var converged = false
                while iterations < maximumIterations {
                    iterations += 1
                    let step = gsl_multimin_fminimizer_iterate(minimiser)
                    if step != GSL_SUCCESS {
                        status = statusText(step)
                        break
                    }
                    if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimiser), sizeTolerance) == GSL_SUCCESS {
                        status = "success"
                        converged = true
                        break
                    }
                }
                return Outcome(
                    parameters: array(gsl_multimin_fminimizer_x(minimiser)!), value: gsl_multimin_fminimizer_minimum(minimiser),
                    iterations: iterations, criterion: gsl_multimin_fminimizer_size(minimiser), criterionName: "simplex size",
                    converged: converged, status: status, algorithm: algorithm)
            }
        }
    }

    // MARK: Quadrature and the normal distribution

    /// The `points`-point Gauss–Hermite rule for ∫ f(x) e^(−x²) dx
    /// (`gsl_integration_fixed_hermite` with a = 0, b = 1, α = 0).
    ///
    /// Example: 1 point gives node 0 and weight √π = 1.7724538509055159.
    static func gaussHermite(points: Int) throws(MetaAnalysisError) -> (nodes: [Double], weights: [Double]) {
        precondition(points >= 1, "a quadrature rule needs at least one point")
        GSL.prepare()
        guard let workspace = gsl_integration_fixed_alloc(dxkit_integration_fixed_hermite(), points, 0, 1, 0, 0) else {
            throw .quadratureUnavailable(points)
        }
        defer { gsl_integration_fixed_free(workspace) }
        let nodes = gsl_integration_fixed_nodes(workspace)!
        let weights = gsl_integration_fixed_weights(workspace)!
        return ((0..<points).map { nodes[$0] }, (0..<points).map { weights[$0] })
    }

    /// The standard normal distribution function Φ(x) (`gsl_cdf_ugaussian_P`).
    static func standardNormalDistribution(_ x: Double) -> Double {
        GSL.prepare()
        return gsl_cdf_ugaussian_P(x)
    }

    // MARK: Pieces

    private struct GradientBox {
        let evaluate: ([Double]) -> (value: Double, gradient: [Double])
    }

    private struct ValueBox {
        let evaluate: ([Double]) -> Double
    }

    fileprivate static func array(_ vector: UnsafePointer<gsl_vector>) -> [Double] {
        (0..<vector.pointee.size).map { gsl_vector_get(vector, $0) }
    }

    private static func norm(_ vector: UnsafePointer<gsl_vector>) -> Double {
        array(vector).reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    fileprivate static func store(_ values: [Double], in vector: UnsafeMutablePointer<gsl_vector>) {
        for (index, value) in values.enumerated() { gsl_vector_set(vector, index, value) }
    }

    private static func statusText(_ code: Int32) -> String {
        guard let text = gsl_strerror(code) else { return "GSL status \(code)" }
        return String(cString: text) + " (GSL status \(code))"
    }
}
