/// The Clopper–Pearson ("exact") interval from beta quantiles.
///
/// L = B⁻¹(α/2; x, n − x + 1),  U = B⁻¹(1 − α/2; x + 1, n − x)
///
/// L = 0 at x = 0 and U = 1 at x = n are set before GSL is called: a beta
/// shape of 0 makes `gsl_cdf_beta_Pinv` loop for ever. The upper limit uses
/// the upper-tail quantile (`Qinv`) to avoid cancellation in 1 − α/2.
/// Example: 42/48 at 95 % gives 0.7475 – 0.9527.
///
/// Clopper CJ, Pearson ES. The use of confidence or fiducial limits
/// illustrated in the case of the binomial. Biometrika 1934;26:404–413.
enum ClopperPearsonInterval {
    static func limits(successes: Int, trials: Int, alpha: Double, z: Double) -> (lower: Double, upper: Double) {
        let x = Double(successes)
        let n = Double(trials)
        // The Wilson limits start a Newton iteration that converges in a few steps.
        let start = WilsonInterval.limits(successes: successes, trials: trials, z: z)
        let lower =
            successes == 0
            ? 0 : BetaQuantile.solve(alpha / 2, shapeA: x, shapeB: n - x + 1, upperTail: false, near: start.lower)
        let upper =
            successes == trials
            ? 1 : BetaQuantile.solve(alpha / 2, shapeA: x + 1, shapeB: n - x, upperTail: true, near: start.upper)
        return (lower, upper)
    }
}
