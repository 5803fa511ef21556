import ArgumentParser
import DxStats

/// How two or more signs depend on each other: unknown (report the range
/// their 2×2 tables allow), independent, or a stated model (correlation,
/// Gardner's covariances, paired counts).
struct DependenceOptions: ParsableArguments {
    @Option(help: "Dependence between the signs when no model is given: unknown reports the range the 2×2 tables allow.")
    var dependence: DependenceChoice = .unknown

    @Option(parsing: .unconditional, help: "Conditional correlation of two signs: R (both groups) or R_WITH,R_WITHOUT the condition.")
    var correlation: String?

    @Option(parsing: .unconditional, help: "Conditional covariances of two signs: COVSE,COVSP (Gardner 2000).")
    var covariance: String?

    @Option(
        name: .customLong("paired-counts"), parsing: .unconditional,
        help: "Paired counts of two signs: ++,+-,-+,-- with the condition / the same without, e.g. 319,78,22,32/31,53,22,155.")
    var pairedCounts: String?

    enum DependenceChoice: String, CaseNamedArgument {
        case unknown
        case independent
    }

    /// Whether any dependence option was given.
    var anyGiven: Bool { dependence != .unknown || [correlation, covariance, pairedCounts].contains { $0 != nil } }

    /// The options as they were given, to pass on to another command.
    var arguments: [String] {
        [("--correlation", correlation), ("--covariance", covariance), ("--paired-counts", pairedCounts)]
            .flatMap { flag, value in value.map { [flag, $0] } ?? [] }
            + (dependence == .unknown ? [] : ["--dependence", dependence.rawValue])
    }

    func dependenceModel() throws -> SignDependence {
        let stated = [correlation, covariance, pairedCounts].compactMap { $0 }
        guard stated.count <= 1 else { throw InputError("give at most one of --correlation, --covariance and --paired-counts") }
        if let correlation {
            let values = try NumberListOption.numbers(correlation, flag: "--correlation")
            guard values.count == 1 || values.count == 2 else { throw InputError("--correlation (\(correlation)) takes R or R_WITH,R_WITHOUT") }
            return .correlation(withCondition: values[0], withoutCondition: values.count == 2 ? values[1] : values[0])
        }
        if let covariance {
            let values = try NumberListOption.numbers(covariance, flag: "--covariance")
            guard values.count == 2 else { throw InputError("--covariance (\(covariance)) takes COVSE,COVSP") }
            return .covariance(sensitivity: values[0], specificity: values[1])
        }
        if let pairedCounts {
            let groups = pairedCounts.split(separator: "/")
            let counts = try groups.map { group in
                try group.split(separator: ",").map { part -> Int in
                    guard let value = Int(part.trimmingWhitespace()), value >= 0 else {
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
}
