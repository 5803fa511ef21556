/// Beta quantiles for exact confidence limits (Clopper–Pearson, Jeffreys):
/// the x with P(X ≤ x) = p, or with P(X > x) = q, for X ~ Beta(a, b).
///
/// Halley's method on the tail that is asked for, from a close starting
/// point (the Wilson limit is within a few per cent of the exact one):
/// with f(x) = Iₓ(a, b) − p (or q − (1 − Iₓ(a, b))), f′ = the density g and
/// f″/f′ = (a − 1)/x − (b − 1)/(1 − x),
/// xₖ₊₁ = xₖ − (f/g) / (1 − ½·(f/g)·(f″/f′)),
/// kept inside a bracket that every evaluation narrows (bisection when a
/// step leaves it). Convergence is cubic: two or three evaluations of
/// ``RegularizedIncompleteBeta`` from the Wilson start, for counts from 1 to
/// 10⁶. It stops after a Halley step below 10⁻⁹ of x (the error left is of
/// the order of that step cubed, far below the precision of Iₓ itself, which
/// is about 10⁻¹¹ relative in the worst cases with shapes near 10⁶); if it
/// has not converged after 60 steps, GSL's inversion with Brent polishing
/// answers instead.
///
/// Working on the requested tail keeps the upper limit's 1 − α/2 free of
/// cancellation, as `gsl_cdf_beta_Qinv` does.
enum BetaQuantile {
    /// The x with P(X ≤ x) = `probability` (or P(X > x) = `probability` when
    /// `upperTail`), for X ~ Beta(`shapeA`, `shapeB`), starting near `guess`.
    static func solve(_ probability: Double, shapeA: Double, shapeB: Double, upperTail: Bool, near guess: Double) -> Double {
        precondition(probability > 0 && probability < 1, "beta quantile needs a probability in (0, 1), got \(probability)")
        let function = RegularizedIncompleteBeta(shapeA: shapeA, shapeB: shapeB)
        var low = 0.0, high = 1.0
        var x = guess.isFinite ? Swift.min(Swift.max(guess, 1e-300), 1 - 1e-16) : 0.5
        if x <= 0 || x >= 1 { x = 0.5 }
        for _ in 0..<60 {
            let value = function.value(at: x)
            // f is increasing in x for both tails.
            let f = upperTail ? probability - value.upper : value.lower - probability
            if f == 0 { return x }
            if f < 0 { low = x } else { high = x }
            if value.density > 0 && value.density.isFinite {
                let newton = f / value.density
                let curvature = (shapeA - 1) / x - (shapeB - 1) / (1 - x)
                let denominator = 1 - 0.5 * newton * curvature
                let next = x - (denominator > 0.5 ? newton / denominator : newton)
                let step = abs(next - x)
                // A Halley step this small leaves an error far below the precision of the function's value.
                if step <= 1e-9 * x || step <= 2 * Double.ulpOfOne { return Swift.min(Swift.max(next, low), high) }
                if next > low && next < high {
                    x = next
                    continue
                }
            }
            // Bisection when the step leaves the bracket (or the density is unusable).
            x = low + (high - low) / 2
            if high - low <= 4 * Double.ulpOfOne * high { return x }
        }
        return upperTail
            ? GSL.betaUpperQuantile(probability, shapeA: shapeA, shapeB: shapeB)
            : GSL.betaQuantile(probability, shapeA: shapeA, shapeB: shapeB)
    }
}
