/// Exact draws from a Beta(a, b) distribution as X/(X + Y) with X ~ Gamma(a)
/// and Y ~ Gamma(b) independent (``GammaSampler``: Marsaglia & Tsang 2000,
/// normals by ``StandardNormalZiggurat``), fed by GSL's MT19937.
///
/// It replaces `gsl_ran_beta`, which uses the same construction, because
/// it keeps each shape's constants and reads the generator's words from a
/// buffer: about four 32-bit words and no logarithm per draw for the
/// Jeffreys posteriors of the Langdon signs. Cheng's (1978) algorithm BB,
/// also exact, needs fewer words but two logarithms and an exponential per
/// draw and measured slower here.
///
/// ```swift
/// var stream = MersenneTwisterStream(seed: 20_100_163)
/// let sensitivity = BetaSampler(shapeA: 42.5, shapeB: 6.5)   // Jeffreys posterior of 42/48
/// sensitivity.draw(using: &stream)   // ≈ 0.87; the same value on every run and machine
/// ```
///
/// If both gamma draws underflow to 0 (only possible with both shapes far
/// below 1), the pair is drawn again.
struct BetaSampler: Sendable, Hashable {
    let first: GammaSampler
    let second: GammaSampler

    init(shapeA: Double, shapeB: Double) {
        precondition(
            shapeA > 0 && shapeB > 0 && shapeA.isFinite && shapeB.isFinite,
            "beta shapes must be positive and finite, got \(shapeA), \(shapeB)")
        first = GammaSampler(shape: shapeA)
        second = GammaSampler(shape: shapeB)
    }

    /// One draw from Beta(shapeA, shapeB), in [0, 1].
    @inline(__always)
    func draw(normal tables: StandardNormalZiggurat.Tables, using stream: inout MersenneTwisterStream) -> Double {
        while true {
            let x = first.draw(normal: tables, using: &stream)
            let y = second.draw(normal: tables, using: &stream)
            let total = x + y
            if total > 0 { return x / total }
        }
    }

    /// One draw, with the process-wide ziggurat tables.
    func draw(using stream: inout MersenneTwisterStream) -> Double {
        draw(normal: StandardNormalZiggurat.tables, using: &stream)
    }
}
