import ArgumentParser
import DxStats

/// Options for combining signs: dependence, pretest uncertainty, Monte Carlo
/// settings and the gate's policy thresholds.
struct CombinationOptions: ParsableArguments {
    @Option(help: "Dependence between the signs when no model is given: unknown (report the range, the default) or independent.")
    var dependence: DependenceChoice = .unknown

    @Option(parsing: .unconditional, help: "Conditional correlation of two signs: R (both groups) or R_WITH,R_WITHOUT the condition.")
    var correlation: String?

    @Option(parsing: .unconditional, help: "Conditional covariances of two signs: COVSE,COVSP (Gardner 2000).")
    var covariance: String?

    @Option(
        name: .customLong("paired-counts"), parsing: .unconditional,
        help: "Paired counts of two signs: ++,+-,-+,-- with the condition / the same without, e.g. 319,78,22,32/31,53,22,155.")
    var pairedCounts: String?

    @Option(name: .customLong("pretest-beta"), parsing: .unconditional, help: "Uncertain pretest probability: Beta(A,B), written A,B.")
    var pretestBeta: String?

    @Option(name: .customLong("pretest-range"), parsing: .unconditional, help: "Uncertain pretest probability: uniform over LOW:HIGH (0.5:0.7 or 50%:70%).")
    var pretestRange: String?

    @Option(parsing: .unconditional, help: "Monte Carlo draws (1000 to 20000000; default 20000).")
    var draws: String?

    @Option(parsing: .unconditional, help: "Monte Carlo seed (default 20100163); the same seed gives the same answer.")
    var seed: String?

    @Option(parsing: .unconditional, help: "Gate thresholds LOWER,UPPER (policy; default 0.2,0.8).")
    var gate: String?

    enum DependenceChoice: String, ExpressibleByArgument, CaseIterable {
        case unknown
        case independent
    }

    private func numbers(_ text: String, flag: String, separator: Character = ",") throws -> [Double] {
        try text.split(separator: separator).map { part in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            let value = trimmed.hasSuffix("%") ? DecimalNumber.parse(trimmed.dropLast()).map { $0 / 100 } : DecimalNumber.parse(trimmed)
            guard let value else { throw InputError("\(flag) (\(text)): '\(trimmed)' is not a number") }
            return value
        }
    }

    func dependenceModel() throws -> SignDependence {
        let stated = [correlation, covariance, pairedCounts].compactMap { $0 }
        guard stated.count <= 1 else { throw InputError("give at most one of --correlation, --covariance and --paired-counts") }
        if let correlation {
            let values = try numbers(correlation, flag: "--correlation")
            guard values.count == 1 || values.count == 2 else { throw InputError("--correlation (\(correlation)) takes R or R_WITH,R_WITHOUT") }
            return .correlation(withCondition: values[0], withoutCondition: values.count == 2 ? values[1] : values[0])
        }
        if let covariance {
            let values = try numbers(covariance, flag: "--covariance")
            guard values.count == 2 else { throw InputError("--covariance (\(covariance)) takes COVSE,COVSP") }
            return .covariance(sensitivity: values[0], specificity: values[1])
        }
        if let pairedCounts {
            let groups = pairedCounts.split(separator: "/")
            let counts = try groups.map { group in
                try group.split(separator: ",").map { part -> Int in
                    guard let value = Int(part.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                        throw InputError("--paired-counts (\(pairedCounts)): '\(part)' must be a whole number ≥ 0")
                    }
                    return value
                }
            }
            guard counts.count == 2, counts.allSatisfy({ $0.count == 4 }) else {
                throw InputError("--paired-counts (\(pairedCounts)) takes four counts / four counts")
            }
            do { return .pairedCounts(try PairedSignsTable(withCondition: counts[0], withoutCondition: counts[1])) } catch {
                throw InputError("--paired-counts (\(pairedCounts)): \(error.description)")
            }
        }
        return dependence == .independent ? .independent : .unknown
    }

    func pretestUncertainty() throws -> PretestUncertainty {
        guard pretestBeta == nil || pretestRange == nil else { throw InputError("give --pretest-beta or --pretest-range, not both") }
        if let pretestBeta {
            let values = try numbers(pretestBeta, flag: "--pretest-beta")
            guard values.count == 2 else { throw InputError("--pretest-beta (\(pretestBeta)) takes A,B") }
            return .beta(alpha: values[0], beta: values[1])
        }
        if let pretestRange {
            let values = try numbers(pretestRange, flag: "--pretest-range", separator: ":")
            guard values.count == 2 else { throw InputError("--pretest-range (\(pretestRange)) takes LOW:HIGH") }
            return .uniform(lower: values[0], upper: values[1])
        }
        return .exact
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

    func thresholds() throws -> GateDecision.Thresholds { try Self.thresholds(gate) }

    /// `--gate LOWER,UPPER` through `GateDecision.Thresholds(parsing:)`, the one reader of it.
    static func thresholds(_ gate: String?) throws -> GateDecision.Thresholds {
        guard let gate else { return .standard }
        do { return try GateDecision.Thresholds(parsing: gate) } catch { throw InputError("--gate \(error.description)") }
    }
}
