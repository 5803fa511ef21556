/// How the optimiser ended: whether its stopping test was met, after how
/// many iterations, and the criterion it tested.
///
/// REML: GSL's `vector_bfgs2` with the analytic gradient, stopping when the
/// gradient norm is below its tolerance; the best of three starts. GLMM:
/// GSL's Nelder–Mead (`nmsimplex2`), restarted at its optimum until a
/// restart no longer improves the log-likelihood, stopping when the simplex
/// is smaller than its tolerance.
public struct FitConvergence: Sendable, Hashable, Codable {
    /// Whether the stopping test was met.
    public let converged: Bool
    /// The algorithm, e.g. "GSL vector_bfgs2 (analytic gradient)".
    public let algorithm: String
    /// Iterations of the run that gave the result (all restarts counted).
    public let iterations: Int
    /// "gradient norm" or "simplex size".
    public let criterionName: String
    /// Its value at the end.
    public let criterion: Double
    /// The tolerance it was tested against.
    public let tolerance: Double
    /// GSL's words for how the run ended.
    public let status: String
}
