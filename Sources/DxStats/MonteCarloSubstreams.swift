import Dispatch
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a Monte Carlo run is split over the cores while its answer stays the
/// same on every machine and for any number of cores.
///
/// The draws are numbered 0 … n − 1 and cut into blocks of `blockSize`
/// consecutive draws. Block k always uses its own MT19937 sub-stream, seeded
/// with ``seed(ofBlock:runSeed:)``, and writes its draws at their own numbers.
/// Which thread computes a block changes nothing: the draws, and so every
/// quantile, depend only on the seed and the number of draws.
///
/// Sub-stream seeds: MT19937 starts from a 32-bit word (`gsl_rng_set` keeps
/// the low 32 bits of a non-zero seed). The run's seed is mixed by SplitMix64
/// (Steele, Lea & Flood 2014) into a 32-bit base b; block k starts from
/// fmix32(b + k·0x9E3779B9), the finaliser of MurmurHash3. Adding an odd
/// multiple of k is a bijection of 32-bit integers and fmix32 is a bijection
/// too, so the blocks of one run never share a starting word; bit 32 is set
/// so that a word of 0 is used as it is (GSL replaces only a seed of 0).
///
/// ```swift
/// MonteCarloSubstreams.blockCount(draws: 20_000)           // 20
/// MonteCarloSubstreams.seed(ofBlock: 0, runSeed: 20_100_163)  // the same on every machine
/// ```
enum MonteCarloSubstreams {
    /// Draws per block (a constant: changing it changes every Monte Carlo answer).
    static let blockSize = 1_000

    /// The number of blocks for `draws` draws.
    static func blockCount(draws: Int) -> Int { (draws + blockSize - 1) / blockSize }

    /// The draw numbers of block `block`.
    static func range(ofBlock block: Int, draws: Int) -> Range<Int> {
        (block * blockSize)..<Swift.min(draws, (block + 1) * blockSize)
    }

    /// The MT19937 seed of block `block` of a run seeded with `runSeed`.
    static func seed(ofBlock block: Int, runSeed: UInt64) -> UInt64 {
        let base = UInt32(truncatingIfNeeded: splitMix64(runSeed))
        return 1 << 32 | UInt64(finalize32(base &+ UInt32(truncatingIfNeeded: block) &* 0x9E37_79B9))
    }

    /// SplitMix64's output function of x + γ (Steele, Lea & Flood, OOPSLA 2014).
    static func splitMix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// MurmurHash3's 32-bit finaliser (Appleby 2011): a bijection that mixes every bit.
    static func finalize32(_ x: UInt32) -> UInt32 {
        var h = x
        h ^= h >> 16
        h = h &* 0x85EB_CA6B
        h ^= h >> 13
        h = h &* 0xC2B2_AE35
        h ^= h >> 16
        return h
    }

    /// How many threads a run of `draws` draws uses: one per core, at most
    /// one per block, and one for runs too short to repay starting threads.
    static func workerCount(draws: Int) -> Int {
        let blocks = blockCount(draws: draws)
        guard blocks >= 4 else { return 1 }
        return Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, blocks, 16))
    }

    /// Runs `body(worker, block, stream)` for every block, on `workers`
    /// threads; `stream` has been reseeded for the block. The workers take
    /// the next unclaimed block until none is left, so a core that other
    /// programs keep busy simply computes fewer blocks.
    static func forEachBlock(
        draws: Int, runSeed: UInt64, workers: Int,
        _ body: (_ worker: Int, _ block: Int, _ stream: inout MersenneTwisterStream) -> Void
    ) {
        let blocks = blockCount(draws: draws)
        let claims = BlockClaims()
        // The blocks are disjoint and `body` writes only its own block's slots: sharing it is safe.
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            let work = { @Sendable (worker: Int) in
                var stream = MersenneTwisterStream(seed: seed(ofBlock: worker, runSeed: runSeed))
                while let block = claims.next(below: blocks) {
                    stream.reseed(seed(ofBlock: block, runSeed: runSeed))
                    body(worker, block, &stream)
                }
            }
            if workers <= 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workers, execute: work)
            }
        }
    }

    /// The next block number to compute, handed out once each.
    private final class BlockClaims: Sendable {
        private let claimed = Mutex(0)

        func next(below count: Int) -> Int? {
            claimed.withLock { claimed in
                guard claimed < count else { return nil }
                defer { claimed += 1 }
                return claimed
            }
        }
    }
}
