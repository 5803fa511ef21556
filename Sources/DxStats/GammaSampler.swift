import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exact draws from a Gamma(a, 1) distribution by the method of Marsaglia &
/// Tsang (2000), with standard normal draws from ``StandardNormalZiggurat``
/// and uniform draws from GSL's MT19937 (``MersenneTwisterStream``).
///
/// For a ≥ 1, with d = a − ⅓ and c = 1/√(9d): draw x ~ N(0, 1) until
/// v = (1 + cx)³ > 0, and u uniform; accept d·v when u < 1 − 0.0331x⁴ (a
/// squeeze that avoids both logarithms in most draws)  or when ln u < x²/2 + d(1 − v + ln v), the exact test.
/// For a < 1, Gamma(a) = Gamma(a + 1)·U^(1/a) with U uniform (Marsaglia &
/// Tsang, section 6); for the Jeffreys shape ½ that is U².
///
/// This is the algorithm of GSL's `gsl_ran_gamma`; DxKit's version keeps
/// the constants of a shape and takes its normal and uniform draws from a
/// buffered word stream.
///
/// Marsaglia G, Tsang WW. A simple method for generating gamma variables.
/// ACM Trans Math Softw 2000;26:363–372.
struct GammaSampler: Sendable, Hashable {
    /// The shape a.
    let shape: Double
    private let d: Double
    private let c: Double
    /// 1/a when a < 1 (the boost U^(1/a)); 0 when a ≥ 1.
    private let boostExponent: Double

    init(shape: Double) {
        precondition(shape > 0 && shape.isFinite, "gamma shape must be positive and finite, got \(shape)")
        self.shape = shape
        let base = shape < 1 ? shape + 1 : shape
        d = base - 1.0 / 3.0
        c = 1 / (9 * d).squareRoot()
        boostExponent = shape < 1 ? 1 / shape : 0
    }

    /// One draw from Gamma(shape, 1).
    @inline(__always)
    func draw(normal tables: StandardNormalZiggurat.Tables, using stream: inout MersenneTwisterStream) -> Double {
        var value: Double
        while true {
            var x: Double, v: Double
            repeat {
                x = StandardNormalZiggurat.draw(tables: tables, using: &stream)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = stream.nextUniform()
            let xSquared = x * x
            if u < 1 - 0.0331 * xSquared * xSquared || log(u) < 0.5 * xSquared + d * (1 - v + log(v)) {
                value = d * v
                break
            }
        }
        guard boostExponent > 0 else { return value }
        let u = stream.nextUniform()
        return value * (boostExponent == 2 ? u * u : exp(log(u) * boostExponent))
    }
}
