/// The Wald interval p̂ ± z·√(p̂q̂/n) (unclipped; `Proportion` clips it).
///
/// Offered for comparison with tools that use it (DTComPair, epibasix); its
/// coverage is poor for small n and it has zero width at x = 0 or x = n.
/// Example: 397/451 at 95 % gives 0.8503 – 0.9102 (DTComPair README).
enum WaldInterval {
    static func limits(successes: Int, trials: Int, z: Double) -> (lower: Double, upper: Double) {
        let n = Double(trials)
        let p = Double(successes) / n
        let halfWidth = z * (p * (1 - p) / n).squareRoot()
        return (p - halfWidth, p + halfWidth)
    }
}
