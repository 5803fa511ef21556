/// The Wilson score interval for a binomial proportion (Wilson 1927).
///
/// centre = (p̂ + z²/2n) / (1 + z²/n)
/// half-width = z·√(p̂q̂/n + z²/4n²) / (1 + z²/n)
///
/// Example: 42/48 at 95 % gives 0.7549 – 0.9416. At x = 0 the lower limit is
/// exactly 0 and at x = n the upper limit exactly 1 (rounding is guarded).
///
/// Wilson EB. Probable inference, the law of succession, and statistical
/// inference. J Am Stat Assoc 1927;22:209–212.
enum WilsonInterval {
    static func limits(successes: Int, trials: Int, z: Double) -> (lower: Double, upper: Double) {
        let n = Double(trials)
        let p = Double(successes) / n
        let q = 1 - p
        let zSquared = z * z
        let denominator = 1 + zSquared / n
        let centre = (p + zSquared / (2 * n)) / denominator
        let halfWidth = z * (p * q / n + zSquared / (4 * n * n)).squareRoot() / denominator
        let lower = successes == 0 ? 0 : Swift.max(0, centre - halfWidth)
        let upper = successes == trials ? 1 : Swift.min(1, centre + halfWidth)
        return (lower, upper)
    }
}
