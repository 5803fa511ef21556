import DxStats

/// One cell of a post-test probability table: a pretest probability and a
/// column's evidence, with what `dxkit posttest` reports for them.
public struct ProbabilityTableCell: Sendable {
    /// The range of post-test probabilities that the unknown (or stated)
    /// dependence between several signs allows.
    public typealias DependenceRange = CombinedPostTest.DependenceRange

    public let pretest: Double
    public let likelihoodRatio: IntervalEstimate
    public let posttest: IntervalEstimate
    /// Several signs: the dependence range.
    public let dependence: DependenceRange?
    /// Sign columns, when asked for: the Monte Carlo interval and the gate.
    public let monteCarlo: IntervalEstimate?
    public let monteCarloSettings: MonteCarloSettings?
    public let gate: GateDecision?
    /// When asked for: the estimate as natural frequencies.
    public var naturalFrequency: NaturalFrequency?

    public init(
        pretest: Double, likelihoodRatio: IntervalEstimate, posttest: IntervalEstimate, dependence: DependenceRange? = nil,
        monteCarlo: IntervalEstimate? = nil, monteCarloSettings: MonteCarloSettings? = nil, gate: GateDecision? = nil,
        naturalFrequency: NaturalFrequency? = nil
    ) {
        self.pretest = pretest
        self.likelihoodRatio = likelihoodRatio
        self.posttest = posttest
        self.dependence = dependence
        self.monteCarlo = monteCarlo
        self.monteCarloSettings = monteCarloSettings
        self.gate = gate
        self.naturalFrequency = naturalFrequency
    }

    /// The cell as JSON, with `dxkit posttest`'s keys: `likelihoodRatio`,
    /// `posttest`, `dependence`, `monteCarlo`, `gate`; plus `naturalFrequency`.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("likelihoodRatio", likelihoodRatio.json), ("posttest", posttest.json)]
        if let dependence { members.append(("dependence", dependence.json)) }
        if let monteCarlo {
            var value = monteCarlo.json
            if let settings = monteCarloSettings {
                value = value.adding([("draws", .integer(settings.draws)), ("seed", .string(String(settings.seed)))])
            }
            members.append(("monteCarlo", value))
        }
        if let gate {
            members.append(
                (
                    "gate",
                    .object([
                        ("probability", .object([("estimate", posttest.estimate.json), ("lower", .number(gate.lower)), ("upper", .number(gate.upper))])),
                        ("classification", .string(gate.classification.rawValue)),
                        ("thresholds", .object([("lower", .number(gate.thresholds.lower)), ("upper", .number(gate.thresholds.upper))])),
                        ("interval", .string(gate.intervalMethod.rawValue)),
                    ])
                ))
        }
        if let naturalFrequency { members.append(("naturalFrequency", naturalFrequency.json)) }
        return .object(members)
    }
}

extension CombinedPostTest.DependenceRange {
    /// As in `dxkit posttest`'s JSON: `model`, `likelihoodRatio`, `posttest`, `modelLikelihoodRatio`.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("model", .string(model.rawValue)),
            ("likelihoodRatio", .object([("lower", likelihoodRatioLower.json), ("upper", likelihoodRatioUpper.json)])),
            ("posttest", .object([("lower", posttestLower.json), ("upper", posttestUpper.json)])),
        ]
        if let modelLikelihoodRatio { members.append(("modelLikelihoodRatio", modelLikelihoodRatio.json)) }
        return .object(members)
    }
}
