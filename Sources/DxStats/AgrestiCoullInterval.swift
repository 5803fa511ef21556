/// The Agresti–Coull interval (unclipped limits; `Proportion` clips them).
///
/// ñ = n + z²,  p̃ = (x + z²/2) / ñ,  p̃ ± z·√(p̃(1 − p̃)/ñ)
///
/// The reported estimate stays p̂ = x/n; epiR wrongly reports p̃ and does not
/// clip (statistics.md §5). Example: 42/48 at 95 % gives 0.7512 – 0.9453.
///
/// Agresti A, Coull BA. Approximate is better than "exact" for interval
/// estimation of binomial proportions. Am Stat 1998;52:119–126.
enum AgrestiCoullInterval {
    static func limits(successes: Int, trials: Int, z: Double) -> (lower: Double, upper: Double) {
        let zSquared = z * z
        let adjustedTrials = Double(trials) + zSquared
        let centre = (Double(successes) + zSquared / 2) / adjustedTrials
        let halfWidth = z * (centre * (1 - centre) / adjustedTrials).squareRoot()
        return (centre - halfWidth, centre + halfWidth)
    }
}
