/// The 32-bit words of GSL's Mersenne Twister (MT19937), and uniform draws
/// made from them, read 624 at a time from ``MersenneTwister``.
///
/// The words are exactly those of `gsl_rng_get` on a `gsl_rng_mt19937`
/// generator seeded with `gsl_rng_set(seed)`. A uniform draw is u = (k + ½)·2⁻³² for the next word
/// k: the midpoint of one of 2³² equal cells of (0, 1), so it is never 0 or 1
/// and needs no rejection loop.
///
/// A value type used through `inout`, so the hot loops of the Monte Carlo pay
/// no reference counting or exclusivity checks per draw. Not thread-safe:
/// give each task its own stream.
struct MersenneTwisterStream {
    private let generator: MersenneTwister
    private var position: Int

    init(seed: UInt64) {
        generator = MersenneTwister(seed: seed)
        position = MersenneTwister.stateSize
    }

    /// Restarts the stream from `seed`: the same words as a new stream with that seed.
    mutating func reseed(_ seed: UInt64) {
        generator.reseed(seed)
        position = MersenneTwister.stateSize
    }

    /// The next 32-bit word.
    @inline(__always)
    mutating func nextWord() -> UInt32 {
        if position == MersenneTwister.stateSize {
            generator.refill()
            position = 0
        }
        let word = generator.output[position]
        position += 1
        return word
    }

    /// The next uniform draw in (0, 1): (k + ½)·2⁻³² for the next word k.
    @inline(__always)
    mutating func nextUniform() -> Double {
        (Double(nextWord()) + 0.5) * 0x1p-32
    }
}
