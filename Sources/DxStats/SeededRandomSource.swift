/// A reproducible source of random draws: GSL's Mersenne Twister (MT19937)
/// with a fixed seed, so that every Monte Carlo answer is the same run after
/// run and on every machine. Beta draws are ratios of Marsaglia–Tsang gamma
/// draws (`BetaSampler`) on the generator's words.
///
/// ```swift
/// let first = SeededRandomSource(seed: 20101).beta(shapeA: 42.5, shapeB: 6.5)
/// SeededRandomSource(seed: 20101).beta(shapeA: 42.5, shapeB: 6.5) == first   // true: the same value on every run
/// ```
///
/// Not thread-safe: give each task its own source.
public final class SeededRandomSource {
    /// The seed DxKit uses unless told otherwise.
    public static let defaultSeed: UInt64 = 20_100_163

    /// The seed this source started from.
    public let seed: UInt64
    private var stream: MersenneTwisterStream

    public init(seed: UInt64 = SeededRandomSource.defaultSeed) {
        self.seed = seed
        self.stream = MersenneTwisterStream(seed: seed)
    }

    /// A uniform draw in the open interval (0, 1): (k + ½)·2⁻³² for the
    /// generator's next 32-bit word k.
    public func uniform() -> Double { stream.nextUniform() }

    /// A draw from Beta(shapeA, shapeB); both shapes must be positive and finite.
    public func beta(shapeA: Double, shapeB: Double) -> Double {
        BetaSampler(shapeA: shapeA, shapeB: shapeB).draw(using: &stream)
    }
}
