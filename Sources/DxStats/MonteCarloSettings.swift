import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many draws and which seed a Monte Carlo interval uses.
///
/// The default (20 000 draws, seed `SeededRandomSource.defaultSeed`) puts the
/// Monte Carlo error of a 95 % limit near 0.001 on the probability scale and
/// gives the same answer on every run.
public struct MonteCarloSettings: Sendable, Hashable {
    public let draws: Int
    public let seed: UInt64

    public static let standard = MonteCarloSettings(uncheckedDraws: 20_000, seed: SeededRandomSource.defaultSeed)

    public init(draws: Int, seed: UInt64 = SeededRandomSource.defaultSeed) throws(StatisticsError) {
        guard draws >= 1_000, draws <= 20_000_000 else {
            throw .invalidSetting("draws (\(draws)) must be between 1000 and 20000000")
        }
        self.draws = draws
        self.seed = seed
    }

    private init(uncheckedDraws draws: Int, seed: UInt64) {
        self.draws = draws
        self.seed = seed
    }

    /// The most Monte Carlo draws one command may run in all: 10⁹, about a
    /// minute of work. A table that simulates every cell multiplies its
    /// draws by its cells.
    public static let maximumTotalDraws = 1_000_000_000

    /// Checks that `runs` simulations with these settings stay within
    /// ``maximumTotalDraws``; the error names the product and the limit.
    ///
    /// ```swift
    /// try MonteCarloSettings(draws: 20_000_000).checkBudget(runs: 40_004, what: "the table")   // throws: 8.0e+11 draws, over the limit of 10⁹
    /// ```
    public func checkBudget(runs: Int, what: String) throws(StatisticsError) {
        let total = Double(runs) * Double(draws)
        guard total <= Double(Self.maximumTotalDraws) else {
            throw .invalidSetting(
                "\(what): \(runs) simulations × \(draws) draws = \(String(cFormat: "%.1e", total)) draws, over the limit of 10⁹ Monte Carlo draws per command; use fewer rows, columns or --draws"
            )
        }
    }
}
