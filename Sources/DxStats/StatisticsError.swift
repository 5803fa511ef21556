/// Errors raised by DxStats for input that cannot be computed with.
///
/// Each message names the bad value, e.g.
/// `level (1.2) must be in the open interval (0, 1)`.
public enum StatisticsError: Error, Sendable, Equatable {
    /// A confidence level outside 0.001 to 0.999999 (``ConfidenceLevel/usableRange``).
    case levelOutOfRange(Double)
    /// A count that is negative.
    case negativeCount(name: String, value: Int)
    /// A proportion with more successes than trials.
    case successesExceedTrials(successes: Int, trials: Int)
    /// A proportion with no trials.
    case noTrials
    /// A 2×2 table whose four cells are all zero.
    case emptyTable
    /// A probability outside [0, 1] (or not finite).
    case probabilityOutOfRange(name: String, value: Double)
    /// A likelihood ratio that is negative or not a number.
    case invalidLikelihoodRatio(Double)
    /// Text that could not be read as a probability, percentage or odds.
    case unreadableProbability(String)
    /// A numerical routine did not converge (reported, never a crash).
    case noConvergence(String)
    /// A dependence between signs (correlation or covariance) that no joint
    /// distribution with the given margins can have.
    case infeasibleDependence(String)
    /// A Monte Carlo setting or an uncertainty description that is invalid.
    case invalidSetting(String)
    /// A likelihood ratio's limits that do not bracket it (lower ≤ estimate ≤ upper).
    case likelihoodRatioLimits(lower: Double, estimate: Double, upper: Double)
    /// A pretest probability about one target condition combined with a sign
    /// that separates another (see ``TargetCondition``).
    case targetMismatch(pretest: TargetCondition, sign: TargetCondition, signName: String)
}

extension StatisticsError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .levelOutOfRange(let value):
            "level (\(value)) must be between 0.001 and 0.999999 (0.1% to 99.9999%)"
        case .negativeCount(let name, let value):
            "\(name) (\(value)) must be a whole number ≥ 0"
        case .successesExceedTrials(let successes, let trials):
            "successes (\(successes)) cannot exceed trials (\(trials))"
        case .noTrials:
            "a proportion needs at least one trial (n = 0)"
        case .emptyTable:
            "the 2×2 table is empty: TP, FP, FN and TN are all 0"
        case .probabilityOutOfRange(let name, let value):
            "\(name) (\(value)) must be a probability in [0, 1]"
        case .invalidLikelihoodRatio(let value):
            "likelihood ratio (\(value)) must be a finite number ≥ 0"
        case .unreadableProbability(let text):
            "'\(text)' is not a probability: write 0.3, 30% or odds 1:3"
        case .noConvergence(let what):
            "the computation did not converge: \(what)"
        case .infeasibleDependence(let what):
            "infeasible dependence: \(what)"
        case .invalidSetting(let what):
            what
        case .likelihoodRatioLimits(let lower, let estimate, let upper):
            "the likelihood ratio's limits must satisfy lower (\(lower)) ≤ estimate (\(estimate)) ≤ upper (\(upper))"
        case .targetMismatch(let pretest, let sign, let signName):
            "the pretest probability is about \(pretest.description), but \(signName) separates \(sign.description): "
                + "the two do not combine; use a pretest probability of \(sign.condition) among \(sign.population)"
        }
    }
}
