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
}
