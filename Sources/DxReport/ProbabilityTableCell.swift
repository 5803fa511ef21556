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
    public var json: JSONValue { JSONValueEncoder.value(of: self) }
}

extension ProbabilityTableCell: Encodable {
    enum CodingKeys: String, CodingKey { case likelihoodRatio, posttest, dependence, monteCarlo, gate, naturalFrequency }

    private struct MonteCarlo: Encodable {
        let interval: IntervalEstimate
        let settings: MonteCarloSettings?
        enum CodingKeys: String, CodingKey { case draws, seed }
        func encode(to encoder: any Encoder) throws {
            try interval.encode(to: encoder)
            guard let settings else { return }
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(settings.draws, forKey: .draws)
            try container.encode(settings.seed, forKey: .seed)
        }
    }

    /// The same encoding as `CombinedPostTest`'s for the same keys, so a
    /// cell equals `dxkit posttest`'s output.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(likelihoodRatio, forKey: .likelihoodRatio)
        try container.encode(posttest, forKey: .posttest)
        try container.encodeIfPresent(dependence.map { CombinedPostTest.DependenceRange.Output($0, level: posttest.level) }, forKey: .dependence)
        try container.encodeIfPresent(monteCarlo.map { MonteCarlo(interval: $0, settings: monteCarloSettings) }, forKey: .monteCarlo)
        try container.encodeIfPresent(
            gate.map { GateDecision.Output($0, estimate: posttest.estimate, level: posttest.level) }, forKey: .gate)
        try container.encodeIfPresent(naturalFrequency, forKey: .naturalFrequency)
    }
}
