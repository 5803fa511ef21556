import ArgumentParser
import DxStats

/// An uncertain pretest probability for the Monte Carlo interval:
/// `--pretest-beta A,B` or `--pretest-range LOW:HIGH`.
struct PretestUncertaintyOptions: ParsableArguments {
    @Option(name: .customLong("pretest-beta"), parsing: .unconditional, help: "Uncertain pretest probability: Beta(A,B), written A,B.")
    var pretestBeta: String?

    @Option(name: .customLong("pretest-range"), parsing: .unconditional, help: "Uncertain pretest probability: uniform over LOW:HIGH (0.5:0.7 or 50%:70%).")
    var pretestRange: String?

    func pretestUncertainty() throws -> PretestUncertainty {
        guard pretestBeta == nil || pretestRange == nil else { throw InputError("give --pretest-beta or --pretest-range, not both") }
        if let pretestBeta {
            let values = try NumberListOption.numbers(pretestBeta, flag: "--pretest-beta")
            guard values.count == 2 else { throw InputError("--pretest-beta (\(pretestBeta)) takes A,B") }
            return .beta(alpha: values[0], beta: values[1])
        }
        if let pretestRange {
            let values = try NumberListOption.numbers(pretestRange, flag: "--pretest-range", separator: ":")
            guard values.count == 2 else { throw InputError("--pretest-range (\(pretestRange)) takes LOW:HIGH") }
            return .uniform(lower: values[0], upper: values[1])
        }
        return .exact
    }
}
