import Foundation

/// The post-test probability after several signs, with its uncertainty and
/// with the range that their unknown dependence allows.
///
/// - **Independence**: LR = Π LRᵢ, post-test odds = π/(1 − π) × LR. Its
///   interval is the log method on the product, Var(ln LR) = Σ Var(ln LRᵢ)
///   (Simel 1991 for each sign), carried through the odds transform.
/// - **Monte Carlo**: each sensitivity and specificity is drawn from its
///   Jeffreys posterior Beta(x + ½, n − x + ½), the pretest probability from
///   its uncertainty, with GSL's MT19937 and a fixed seed; the interval is
///   the α/2 and 1 − α/2 quantiles of the post-test probability under the
///   dependence model (independence when the dependence is unknown).
/// - **Dependence** (two or more signs measured on the same patients): with
///   margins mᵢ = P(rᵢ | D+) and fᵢ = P(rᵢ | D−), the joint probability of
///   the pattern lies in the Fréchet bounds max(0, Σmᵢ − (k − 1)) … min mᵢ
///   (and likewise for fᵢ), so the joint LR lies in
///   [P_D,min / P_N,max, P_D,max / P_N,min]. With a correlation or covariances
///   (Gardner 2000) the joint LR is computed from them; with paired 2×2×2
///   counts exactly.
/// - **Gate interval** (the documented default): the α/2 quantile of the
///   lowest post-test probability the dependence allows and the 1 − α/2
///   quantile of the highest, over the Monte Carlo draws. It covers both the
///   sampling uncertainty and the unknown dependence. With a stated
///   dependence model or a single sign it is the Monte Carlo interval.
///
/// ```swift
/// let percussion = try SignAccuracy(name: "closed-fist-percussion", table: try TwoByTwoTable(
///     truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
/// let supine = try SignAccuracy(name: "supine-sign", table: try TwoByTwoTable(
///     truePositives: 39, falsePositives: 2, falseNegatives: 9, trueNegatives: 28))
/// // Both Langdon signs positive at the cohort's 48 of 78.
/// let result = try CombinedPostTest(pretest: 48.0 / 78.0, findings: [.init(percussion, .positive), .init(supine, .positive)])
/// result.posttest.estimate             // .finite(0.9942): under independence (LR 106.6)
/// result.dependence?.posttestLower     // .finite(0.943): the Fréchet range reaches down to 94.3 %
/// result.gate.classification           // .likely
/// ```
///
/// Gardner IA et al. Prev Vet Med 2000;45:107–122. Simel DL et al. J Clin
/// Epidemiol 1991;44:763–770. Brown, Cai & DasGupta, Stat Sci 2001 (Jeffreys).
public struct CombinedPostTest: Sendable {
    /// One sign and its result.
    public struct Finding: Sendable, Hashable {
        public let sign: SignAccuracy
        public let result: TestResult

        public init(_ sign: SignAccuracy, _ result: TestResult) {
            self.sign = sign
            self.result = result
        }
    }

    /// The range of the joint likelihood ratio and post-test probability
    /// that the dependence allows, at the point estimates.
    public struct DependenceRange: Sendable, Hashable {
        /// Unknown (Fréchet), correlation, covariance, paired counts or independent.
        public let model: SignDependence.Kind
        public let likelihoodRatioLower: ExtendedValue
        public let likelihoodRatioUpper: ExtendedValue
        public let posttestLower: ExtendedValue
        public let posttestUpper: ExtendedValue
        /// The joint LR under a stated model (nil when the dependence is unknown).
        public let modelLikelihoodRatio: ExtendedValue?

        public init(
            model: SignDependence.Kind, likelihoodRatioLower: ExtendedValue, likelihoodRatioUpper: ExtendedValue,
            posttestLower: ExtendedValue, posttestUpper: ExtendedValue, modelLikelihoodRatio: ExtendedValue?
        ) {
            self.model = model
            self.likelihoodRatioLower = likelihoodRatioLower
            self.likelihoodRatioUpper = likelihoodRatioUpper
            self.posttestLower = posttestLower
            self.posttestUpper = posttestUpper
            self.modelLikelihoodRatio = modelLikelihoodRatio
        }

        /// The range at `pretest` for the findings: the Fréchet bounds of the
        /// joint LR that the margins allow, carried through the odds, and the
        /// joint LR under a stated dependence.
        public init(pretest: Double, findings: [Finding], dependence: SignDependence = .unknown, level: ConfidenceLevel) throws(StatisticsError) {
            let model = JointModel(margins: findings.map { JointModel.Margin(finding: $0) }, dependence: dependence)
            var stated: ExtendedValue?
            if dependence.kind != .unknown {
                stated = try model.modelLikelihoodRatio(checkFeasibility: true)
                if stated == nil { stated = try CombinedLikelihoodRatio.of(findings, dependence: dependence, level: level).estimate }
            }
            try self.init(pretest: pretest, model: model, modelLikelihoodRatio: stated)
        }

        init(pretest: Double, model: JointModel, modelLikelihoodRatio: ExtendedValue?) throws(StatisticsError) {
            let bounds = model.frechetLikelihoodRatioBounds()
            self.init(
                model: model.dependence.kind, likelihoodRatioLower: bounds.lower, likelihoodRatioUpper: bounds.upper,
                posttestLower: try PostTestProbability.estimate(pretest: pretest, likelihoodRatio: bounds.lower),
                posttestUpper: try PostTestProbability.estimate(pretest: pretest, likelihoodRatio: bounds.upper),
                modelLikelihoodRatio: modelLikelihoodRatio)
        }

        /// The same range at another pretest probability.
        public func at(pretest: Double) throws(StatisticsError) -> DependenceRange {
            DependenceRange(
                model: model, likelihoodRatioLower: likelihoodRatioLower, likelihoodRatioUpper: likelihoodRatioUpper,
                posttestLower: try PostTestProbability.estimate(pretest: pretest, likelihoodRatio: likelihoodRatioLower),
                posttestUpper: try PostTestProbability.estimate(pretest: pretest, likelihoodRatio: likelihoodRatioUpper),
                modelLikelihoodRatio: modelLikelihoodRatio)
        }
    }

    public let pretest: Double
    /// What every probability here is the probability of: the common target
    /// of the pretest and the signs (nil when none declared one).
    public let target: TargetCondition?
    public let pretestUncertainty: PretestUncertainty
    public let findings: [Finding]
    public let level: ConfidenceLevel
    public let dependenceModel: SignDependence
    public let monteCarloSettings: MonteCarloSettings
    /// The likelihood ratio used for the main estimate (independence product,
    /// or the paired-count LR) with its interval.
    public let likelihoodRatio: IntervalEstimate
    /// The post-test probability from `likelihoodRatio`, with its interval.
    public let posttest: IntervalEstimate
    /// The Monte Carlo interval under the dependence model.
    public let monteCarlo: IntervalEstimate
    /// With two or more signs: the dependence range (nil for one sign).
    public let dependence: DependenceRange?
    /// The acute / chronic / indeterminate decision.
    public let gate: GateDecision
    /// Draws where a stated correlation or covariance was infeasible for the
    /// drawn margins and was clamped to the nearest feasible value.
    public let clampedDraws: Int

    /// - Parameters:
    ///   - pretest: the pretest probability, in [0, 1].
    ///   - pretestTarget: what the pretest probability is about; a sign about
    ///     another target is refused
    ///     (``StatisticsError/targetMismatch(pretest:sign:signName:)``). Nil:
    ///     undeclared (a typed number, taken to be about the signs' target).
    ///   - pretestUncertainty: how uncertain the pretest is, for the Monte Carlo.
    ///   - findings: the signs and their results (at least one; signs about
    ///     different targets are refused).
    ///   - stated: the dependence between the signs (unknown by default).
    ///   - level: the confidence level of every interval.
    ///   - settings: draws and seed of the Monte Carlo.
    ///   - thresholds: the gate's policy thresholds.
    public init(
        pretest: Double,
        pretestTarget: TargetCondition? = nil,
        pretestUncertainty: PretestUncertainty = .exact,
        findings: [Finding],
        dependence stated: SignDependence = .unknown,
        level: ConfidenceLevel = .ninetyFivePercent,
        monteCarlo settings: MonteCarloSettings = .standard,
        thresholds: GateDecision.Thresholds = .standard
    ) throws(StatisticsError) {
        guard pretest.isFinite, pretest >= 0, pretest <= 1 else {
            throw .probabilityOutOfRange(name: "pretest probability", value: pretest)
        }
        guard !findings.isEmpty else { throw .invalidSetting("no sign was given") }
        target = try TargetCondition.requireCommon(
            pretest: pretestTarget, signs: findings.map { ($0.sign.name, $0.sign.target) })
        let pretestUncertainty = try pretestUncertainty.validated()
        switch stated {
        case .correlation(let withCondition, let withoutCondition):
            guard findings.count == 2 else { throw .invalidSetting("a correlation needs exactly two signs, got \(findings.count)") }
            for (name, rho) in [("correlation with the condition", withCondition), ("correlation without the condition", withoutCondition)]
            where !(rho.isFinite && rho >= -1 && rho <= 1) {
                throw .infeasibleDependence("\(name) (\(rho)) must be in [−1, 1]")
            }
        case .covariance:
            guard findings.count == 2 else { throw .invalidSetting("\(stated.id) needs exactly two signs, got \(findings.count)") }
        case .pairedCounts(let paired):
            guard findings.count == 2 else { throw .invalidSetting("\(stated.id) needs exactly two signs, got \(findings.count)") }
            for (finding, margin, position) in [(findings[0], paired.firstTable, "first"), (findings[1], paired.secondTable, "second")]
            where finding.sign.table != nil && finding.sign.table != margin {
                throw .invalidSetting(
                    "the paired counts' \(position) margin (TP \(margin.truePositives), FP \(margin.falsePositives), FN \(margin.falseNegatives), TN \(margin.trueNegatives)) does not match \(finding.sign.name)'s 2×2 table"
                )
            }
        default: break
        }
        self.pretest = pretest
        self.pretestUncertainty = pretestUncertainty
        self.findings = findings
        self.level = level
        self.dependenceModel = stated
        self.monteCarloSettings = settings

        // The point model: joint probabilities at the point estimates.
        let model = JointModel(margins: findings.map { JointModel.Margin(finding: $0) }, dependence: stated)
        let pointModelRatio = try model.modelLikelihoodRatio(checkFeasibility: true)

        // The closed form: the findings' likelihood ratio and its post-test probability.
        likelihoodRatio = try CombinedLikelihoodRatio.of(findings, dependence: stated, level: level)
        posttest = try CombinedLikelihoodRatio.posttest(pretest: pretest, findings: findings, likelihoodRatio: likelihoodRatio, level: level)

        // The Monte Carlo interval, with the dependence range per draw.
        let simulation = try MonteCarloPostTest(
            pretest: pretest, pretestUncertainty: pretestUncertainty, findings: findings, dependence: stated, level: level,
            settings: settings,
            pointEstimate: try PostTestProbability.estimate(pretest: pretest, likelihoodRatio: pointModelRatio ?? likelihoodRatio.estimate))
        monteCarlo = simulation.interval
        clampedDraws = simulation.clampedDraws

        // The dependence range at the point estimates, and the gate.
        dependence =
            findings.count >= 2
            ? try DependenceRange(
                pretest: pretest, model: model, modelLikelihoodRatio: stated.kind == .unknown ? nil : pointModelRatio ?? likelihoodRatio.estimate)
            : nil
        gate = GateDecision(monteCarlo: simulation, thresholds: thresholds)
    }

    /// The post-test probability at `pretest` for these findings and their
    /// likelihood ratio (``CombinedLikelihoodRatio/posttest(pretest:findings:likelihoodRatio:level:)``).
    public static func posttest(
        pretest: Double, findings: [Finding], likelihoodRatio: IntervalEstimate, level: ConfidenceLevel
    ) throws(StatisticsError) -> IntervalEstimate {
        try CombinedLikelihoodRatio.posttest(pretest: pretest, findings: findings, likelihoodRatio: likelihoodRatio, level: level)
    }

    // MARK: Simulation

    struct Simulation {
        var model: [Double] = []
        var lowest: [Double] = []
        var highest: [Double] = []
        var skipped = 0
        var clamped = 0
    }

    static func simulate(
        pretest: Double, uncertainty: PretestUncertainty, margins: [JointModel.Margin], dependence: SignDependence,
        settings: MonteCarloSettings
    ) -> Simulation {
        let random = SeededRandomSource(seed: settings.seed)
        var simulation = Simulation()
        simulation.model.reserveCapacity(settings.draws)
        switch dependence {
        case .unknown, .independent:
            simulateMargins(
                pretest: pretest, uncertainty: uncertainty, margins: margins,
                trackRange: dependence == .unknown && margins.count >= 2, draws: settings.draws,
                random: random, into: &simulation)
        default:
            var drawn = margins
            for _ in 0..<settings.draws {
                let probability = uncertainty.draw(around: pretest, using: random)
                for index in margins.indices { drawn[index] = margins[index].drawn(using: random) }
                let model = JointModel(margins: drawn, dependence: dependence)
                let ratio: ExtendedValue
                if case .pairedCounts(let paired) = dependence {
                    ratio = model.pairedLikelihoodRatio(paired, using: random)
                } else {
                    let (value, wasClamped) = model.clampedModelLikelihoodRatio()
                    if wasClamped { simulation.clamped += 1 }
                    ratio = value
                }
                guard ratio != .undefined else { simulation.skipped += 1; continue }
                simulation.model.append(PostTestProbability.transform(pretest: probability, ratio: ratio.rawValue))
            }
        }
        return simulation
    }

    /// The hot loop for independence and unknown dependence: no allocation
    /// per draw. For each draw, m = P(result | D+) and f = P(result | D−) of
    /// every sign, the product m/f (independence), and the Fréchet bounds
    /// max(0, Σm − (k − 1)) … min m (and likewise for f).
    private static func simulateMargins(
        pretest: Double, uncertainty: PretestUncertainty, margins: [JointModel.Margin], trackRange: Bool, draws: Int,
        random: SeededRandomSource, into simulation: inout Simulation
    ) {
        struct Shape { let positive: Bool; let fixed: (Double, Double)?; let sensitivity: (Double, Double); let specificity: (Double, Double) }
        let shapes = margins.map { margin -> Shape in
            let positive = margin.finding.result == .positive
            guard let table = margin.finding.sign.table else {
                return Shape(positive: positive, fixed: (margin.withCondition, margin.withoutCondition), sensitivity: (1, 1), specificity: (1, 1))
            }
            return Shape(
                positive: positive, fixed: nil,
                sensitivity: (Double(table.truePositives) + 0.5, Double(table.falseNegatives) + 0.5),
                specificity: (Double(table.trueNegatives) + 0.5, Double(table.falsePositives) + 0.5))
        }
        if trackRange {
            simulation.lowest.reserveCapacity(draws)
            simulation.highest.reserveCapacity(draws)
        }
        let signCount = Double(shapes.count)
        for _ in 0..<draws {
            let probability = uncertainty.draw(around: pretest, using: random)
            var productWith = 1.0, productWithout = 1.0
            var sumWith = 0.0, sumWithout = 0.0
            var minimumWith = 1.0, minimumWithout = 1.0
            for shape in shapes {
                let withCondition: Double, withoutCondition: Double
                if let fixed = shape.fixed {
                    (withCondition, withoutCondition) = fixed
                } else {
                    let sensitivity = random.beta(shapeA: shape.sensitivity.0, shapeB: shape.sensitivity.1)
                    let specificity = random.beta(shapeA: shape.specificity.0, shapeB: shape.specificity.1)
                    (withCondition, withoutCondition) = shape.positive ? (sensitivity, 1 - specificity) : (1 - sensitivity, specificity)
                }
                productWith *= withCondition
                productWithout *= withoutCondition
                sumWith += withCondition
                sumWithout += withoutCondition
                minimumWith = Swift.min(minimumWith, withCondition)
                minimumWithout = Swift.min(minimumWithout, withoutCondition)
            }
            let ratio = ratio(productWith, productWithout)
            guard ratio != .undefined else { simulation.skipped += 1; continue }
            simulation.model.append(PostTestProbability.transform(pretest: probability, ratio: ratio.rawValue))
            if trackRange {
                let lowWith = Swift.max(0, sumWith - (signCount - 1)), lowWithout = Swift.max(0, sumWithout - (signCount - 1))
                let lower = lowWith == 0 ? 0 : (minimumWithout > 0 ? lowWith / minimumWithout : .infinity)
                let upper = minimumWith == 0 ? 0 : (lowWithout > 0 ? minimumWith / lowWithout : .infinity)
                simulation.lowest.append(PostTestProbability.transform(pretest: probability, ratio: lower))
                simulation.highest.append(PostTestProbability.transform(pretest: probability, ratio: upper))
            }
        }
    }
}

extension CombinedPostTest.Finding {
    /// This sign's own likelihood ratio for its result, with its interval:
    /// Simel's log interval from counts (Koopman with a zero cell), or the
    /// point value, method `.given`, when the sign came as numbers.
    public func likelihoodRatio(level: ConfidenceLevel) -> IntervalEstimate {
        if let table = sign.table {
            if let ratio = try? LikelihoodRatio.of(result, on: table, level: level) { return ratio }
        }
        let value = sign.likelihoodRatio(for: result)
        return IntervalEstimate(
            estimate: value, lower: value, upper: value, level: level, method: .given, notes: ["Given without counts: no interval."])
    }
}

extension CombinedPostTest.DependenceRange {
    /// `{"model", "likelihoodRatio", "posttest", "modelLikelihoodRatio"}`; the two
    /// ranges in the one interval shape with method `frechet-bounds` and no
    /// estimate (the unknown dependence allows the whole range).
    public struct Output: Sendable, Encodable {
        public let model: SignDependence.Kind
        public let likelihoodRatio: IntervalEstimate
        public let posttest: IntervalEstimate
        public let modelLikelihoodRatio: ExtendedValue?

        public init(_ range: CombinedPostTest.DependenceRange, level: ConfidenceLevel) {
            model = range.model
            likelihoodRatio = IntervalEstimate(
                estimate: .undefined, lower: range.likelihoodRatioLower, upper: range.likelihoodRatioUpper, level: level, method: .frechetBounds)
            posttest = IntervalEstimate(
                estimate: .undefined, lower: range.posttestLower, upper: range.posttestUpper, level: level, method: .frechetBounds)
            modelLikelihoodRatio = range.modelLikelihoodRatio
        }
    }
}

extension CombinedPostTest: Encodable {
    enum CodingKeys: String, CodingKey {
        case target, pretest, pretestUncertainty, signs, likelihoodRatio, posttest, monteCarlo, dependence, gate, level
    }

    private struct Sign: Encodable {
        let id: String
        let name: String
        let result: TestResult
        let sensitivity: Double
        let specificity: Double
        let likelihoodRatio: IntervalEstimate
    }

    private struct MonteCarlo: Encodable {
        let interval: IntervalEstimate
        let draws: Int
        let seed: UInt64
        enum CodingKeys: String, CodingKey { case draws, seed }
        func encode(to encoder: any Encoder) throws {
            try interval.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(draws, forKey: .draws)
            try container.encode(seed, forKey: .seed)
        }
    }

    /// The combination's numbers; every interval in the one interval shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encode(pretest, forKey: .pretest)
        if pretestUncertainty != .exact { try container.encode(pretestUncertainty, forKey: .pretestUncertainty) }
        try container.encode(
            findings.map {
                Sign(
                    id: $0.sign.name, name: $0.sign.title, result: $0.result, sensitivity: $0.sign.sensitivity,
                    specificity: $0.sign.specificity, likelihoodRatio: $0.likelihoodRatio(level: level))
            }, forKey: .signs)
        try container.encode(likelihoodRatio, forKey: .likelihoodRatio)
        try container.encode(posttest, forKey: .posttest)
        try container.encode(MonteCarlo(interval: monteCarlo, draws: monteCarloSettings.draws, seed: monteCarloSettings.seed), forKey: .monteCarlo)
        try container.encodeIfPresent(dependence.map { DependenceRange.Output($0, level: level) }, forKey: .dependence)
        try container.encode(GateDecision.Output(gate, estimate: posttest.estimate, level: level), forKey: .gate)
        try container.encode(level.value, forKey: .level)
    }
}
