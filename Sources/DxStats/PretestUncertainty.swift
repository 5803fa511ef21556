/// How uncertain a pretest probability is, for Monte Carlo propagation.
///
/// ```swift
/// let jeffreys = PretestUncertainty.beta(alpha: 48.5, beta: 30.5)   // the Jeffreys posterior of 48 of 78
/// let range = PretestUncertainty.uniform(lower: 0.5, upper: 0.7)    // somewhere between 50 and 70 %
/// jeffreys == range   // false
/// ```
public enum PretestUncertainty: Sendable, Hashable {
    /// Known exactly.
    case exact
    /// Beta(α, β) distributed.
    case beta(alpha: Double, beta: Double)
    /// Uniform between two probabilities.
    case uniform(lower: Double, upper: Double)

    /// The Beta parameters the sampler handles with full accuracy: each
    /// from 0.001 to 10⁹. Outside it the draws under- or overflow (a shape
    /// of 10⁻³¹⁰ gives NaN, 10³⁰⁸ gives 0 instead of the mean), so such
    /// values are refused rather than answered wrongly.
    public static let usableBetaParameters: ClosedRange<Double> = 0.001...1e9

    /// Checks the parameters; the error names the bad value and the usable range.
    public func validated() throws(StatisticsError) -> PretestUncertainty {
        switch self {
        case .exact: break
        case .beta(let alpha, let beta):
            guard Self.usableBetaParameters.contains(alpha), Self.usableBetaParameters.contains(beta) else {
                throw .invalidSetting("pretest Beta parameters (\(alpha), \(beta)) must each be between 0.001 and 1e9")
            }
        case .uniform(let lower, let upper):
            guard lower.isFinite, upper.isFinite, lower >= 0, upper <= 1, lower <= upper else {
                throw .invalidSetting("pretest range (\(lower) to \(upper)) must satisfy 0 ≤ low ≤ high ≤ 1")
            }
        }
        return self
    }

    func draw(around pretest: Double, using random: SeededRandomSource) -> Double {
        switch self {
        case .exact: pretest
        case .beta(let alpha, let beta): random.beta(shapeA: alpha, shapeB: beta)
        case .uniform(let lower, let upper): lower + (upper - lower) * random.uniform()
        }
    }
}

extension PretestUncertainty: Encodable {
    enum CodingKeys: String, CodingKey { case kind, alpha, beta, lower, upper }

    /// `{"kind": "exact"}`, `{"kind": "beta", "alpha", "beta"}` or `{"kind": "uniform", "lower", "upper"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .exact: try container.encode("exact", forKey: .kind)
        case .beta(let alpha, let beta):
            try container.encode("beta", forKey: .kind)
            try container.encode(alpha, forKey: .alpha)
            try container.encode(beta, forKey: .beta)
        case .uniform(let lower, let upper):
            try container.encode("uniform", forKey: .kind)
            try container.encode(lower, forKey: .lower)
            try container.encode(upper, forKey: .upper)
        }
    }
}
