/// The Wilson score interval with continuity correction (Newcombe 1998,
/// method 4; R `prop.test(correct = TRUE)`, scipy `wilsoncc`).
///
/// L = [2np̂ + z² − 1 − z·√(z² − 2 − 1/n + 4p̂(nq̂ + 1))] / [2(n + z²)]
/// U = [2np̂ + z² + 1 + z·√(z² + 2 − 1/n + 4p̂(nq̂ − 1))] / [2(n + z²)]
///
/// L = 0 when x = 0 and U = 1 when x = n, where the square-root arguments
/// can turn negative. Example: 81/263 at 95 % gives 0.253509 – 0.368176.
///
/// Newcombe RG. Two-sided confidence intervals for the single proportion:
/// comparison of seven methods. Stat Med 1998;17:857–872.
enum WilsonContinuityCorrectedInterval {
    static func limits(successes: Int, trials: Int, z: Double) -> (lower: Double, upper: Double) {
        let n = Double(trials)
        let p = Double(successes) / n
        let q = 1 - p
        let zSquared = z * z
        let denominator = 2 * (n + zSquared)
        var lower = 0.0
        if successes > 0 {
            let root = Swift.max(0, zSquared - 2 - 1 / n + 4 * p * (n * q + 1)).squareRoot()
            lower = Swift.max(0, (2 * n * p + zSquared - 1 - z * root) / denominator)
        }
        var upper = 1.0
        if successes < trials {
            let root = Swift.max(0, zSquared + 2 - 1 / n + 4 * p * (n * q - 1)).squareRoot()
            upper = Swift.min(1, (2 * n * p + zSquared + 1 + z * root) / denominator)
        }
        return (lower, upper)
    }
}
