import ArgumentParser
import DxStats

/// The Monte Carlo simulation's settings: `--draws` and `--seed`.
struct MonteCarloOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Monte Carlo draws, 1000 to 20000000 (default 20000).")
    var draws: String?

    @Option(parsing: .unconditional, help: "Monte Carlo seed (default 20100163); the same seed gives the same answer.")
    var seed: String?

    /// The options as they were given, to pass on to another command.
    var arguments: [String] {
        [("--draws", draws), ("--seed", seed)].flatMap { flag, value in value.map { [flag, $0] } ?? [] }
    }

    func monteCarloSettings() throws -> MonteCarloSettings {
        var drawCount = MonteCarloSettings.standard.draws
        if let draws {
            guard let value = Int(draws) else { throw InputError("--draws (\(draws)) must be a whole number") }
            drawCount = value
        }
        var seedValue = MonteCarloSettings.standard.seed
        if let seed {
            guard let value = UInt64(seed) else { throw InputError("--seed (\(seed)) must be a whole number ≥ 0") }
            seedValue = value
        }
        do { return try MonteCarloSettings(draws: drawCount, seed: seedValue) } catch { throw InputError(error) }
    }
}
