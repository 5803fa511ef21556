/// Sample quantiles by linear interpolation between order statistics
/// (Hyndman & Fan 1996 type 7; the default of R's `quantile` and numpy's
/// `percentile`).
///
/// For sorted x₁ ≤ … ≤ xₙ: h = (n − 1)p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
/// Example: [1, 2, 3, 4] at p = 0.25 gives 1.75.
enum Quantile {
    static func of(sorted values: [Double], probability: Double) -> Double {
        precondition(!values.isEmpty, "quantile of an empty sample")
        let position = Double(values.count - 1) * probability
        let index = Int(position.rounded(.down))
        guard index + 1 < values.count else { return values[values.count - 1] }
        let fraction = position - Double(index)
        return values[index] + fraction * (values[index + 1] - values[index])
    }
}
