/// The Jeffreys interval: equal-tailed quantiles of the Beta(x + ½, n − x + ½)
/// posterior, with Brown, Cai & DasGupta's boundary fix.
///
/// L = B⁻¹(α/2; x + ½, n − x + ½),  U = B⁻¹(1 − α/2; x + ½, n − x + ½)
///
/// At x = 0 the lower limit is 0 and at x = n the upper limit is 1, as BCD
/// recommend. epiR and statsmodels omit this fix (10/10 gives U = 0.999952
/// there); DxKit does not reproduce that.
///
/// Brown LD, Cai TT, DasGupta A. Interval estimation for a binomial
/// proportion. Stat Sci 2001;16:101–133.
enum JeffreysInterval {
    static func limits(successes: Int, trials: Int, alpha: Double, z: Double) -> (lower: Double, upper: Double) {
        let a = Double(successes) + 0.5
        let b = Double(trials - successes) + 0.5
        let start = WilsonInterval.limits(successes: successes, trials: trials, z: z)
        let lower = successes == 0 ? 0 : BetaQuantile.solve(alpha / 2, shapeA: a, shapeB: b, upperTail: false, near: start.lower)
        let upper = successes == trials ? 1 : BetaQuantile.solve(alpha / 2, shapeA: a, shapeB: b, upperTail: true, near: start.upper)
        return (lower, upper)
    }
}
