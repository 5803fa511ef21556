/// A reproducible source of random draws: GSL's Mersenne Twister (MT19937)
/// with a fixed seed, so that every Monte Carlo answer is the same run after run.
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
    private let generator: GSL.Generator

    public init(seed: UInt64 = SeededRandomSource.defaultSeed) {
        self.seed = seed
        self.generator = GSL.Generator(seed: seed)
    }

    /// A uniform draw in [0, 1).
    public func uniform() -> Double { generator.uniform() }

    /// A draw from Beta(shapeA, shapeB); both shapes must be positive and finite.
    public func beta(shapeA: Double, shapeB: Double) -> Double {
        generator.beta(shapeA: shapeA, shapeB: shapeB)
    }
}
