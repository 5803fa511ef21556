import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The draws of one Monte Carlo run, in draw order, without the skipped
    /// ones. With the pretest known exactly the values are likelihood ratios
    /// (the post-test probability is a non-decreasing function of them, see
    /// ``MonteCarloSummary``); with an uncertain pretest they are post-test
    /// probabilities at the drawn pretest.
    struct Simulation {
        var model: [Double] = []
        var lowest: [Double] = []
        var highest: [Double] = []
        var skipped = 0
        var clamped = 0
    }

    /// Runs the draws in blocks with fixed sub-streams (``MonteCarloSubstreams``),
    /// on every core, so the answer depends only on the seed and the number of draws.
    static func simulate(
        pretest: Double, uncertainty: PretestUncertainty, margins: [JointModel.Margin], dependence: SignDependence,
        settings: MonteCarloSettings, workers: Int? = nil
    ) -> Simulation {
        let draws = settings.draws
        let trackRange = dependence == .unknown && margins.count >= 2
        let workerCount = workers ?? MonteCarloSubstreams.workerCount(draws: draws)
        // Every draw writes its own slot of the result arrays (NaN when skipped); the counters are per worker.
        var simulation = Simulation(
            model: [Double](repeating: .nan, count: draws), lowest: [Double](repeating: .nan, count: trackRange ? draws : 0),
            highest: [Double](repeating: .nan, count: trackRange ? draws : 0))
        let counters = UnsafeMutableBufferPointer<(skipped: Int, clamped: Int)>.allocate(capacity: workerCount)
        counters.initialize(repeating: (0, 0))
        defer { counters.deallocate() }
        simulation.model.withUnsafeMutableBufferPointer { model in
            simulation.lowest.withUnsafeMutableBufferPointer { lowest in
                simulation.highest.withUnsafeMutableBufferPointer { highest in
                    let output = DrawOutput(model: model, lowest: lowest, highest: highest, exactPretest: uncertainty == .exact)
                    run(into: output)
                }
            }
        }
        func run(into output: DrawOutput) {
            switch dependence {
            case .unknown, .independent:
                let sampler = MarginSampler(margins: margins, uncertainty: uncertainty, pretest: pretest)
                MonteCarloSubstreams.forEachBlock(draws: draws, runSeed: settings.seed, workers: workerCount) { worker, block, stream in
                    counters[worker].skipped += sampler.simulate(
                        MonteCarloSubstreams.range(ofBlock: block, draws: draws), trackRange: trackRange, using: &stream, into: output)
                }
            default:
                MonteCarloSubstreams.forEachBlock(draws: draws, runSeed: settings.seed, workers: workerCount) { worker, block, _ in
                    let random = SeededRandomSource(seed: MonteCarloSubstreams.seed(ofBlock: block, runSeed: settings.seed))
                    var drawn = margins
                    for draw in MonteCarloSubstreams.range(ofBlock: block, draws: draws) {
                        let probability = uncertainty.draw(around: pretest, using: random)
                        for index in margins.indices { drawn[index] = margins[index].drawn(using: random) }
                        let model = JointModel(margins: drawn, dependence: dependence)
                        let ratio: ExtendedValue
                        if case .pairedCounts(let paired) = dependence {
                            ratio = model.pairedLikelihoodRatio(paired, using: random)
                        } else {
                            let (value, wasClamped) = model.clampedModelLikelihoodRatio()
                            if wasClamped { counters[worker].clamped += 1 }
                            ratio = value
                        }
                        guard ratio != .undefined else {
                            output.skip(draw)
                            counters[worker].skipped += 1
                            continue
                        }
                        output.write(draw, pretest: probability, ratio: ratio.rawValue)
                    }
                }
            }
        }
        for counter in counters {
            simulation.skipped += counter.skipped
            simulation.clamped += counter.clamped
        }
        // Skipped draws leave in place (no copy of the arrays).
        if simulation.skipped > 0 {
            simulation.model.removeAll { $0.isNaN }
            simulation.lowest.removeAll { $0.isNaN }
            simulation.highest.removeAll { $0.isNaN }
        }
        return simulation
    }

    /// Where the draws go: one slot per draw; a likelihood ratio when the
    /// pretest is exact, otherwise the post-test probability at the drawn pretest.
    struct DrawOutput: @unchecked Sendable {
        let model: UnsafeMutableBufferPointer<Double>
        let lowest: UnsafeMutableBufferPointer<Double>
        let highest: UnsafeMutableBufferPointer<Double>
        let exactPretest: Bool

        @inline(__always)
        func value(pretest: Double, ratio: Double) -> Double {
            exactPretest ? ratio : PostTestProbability.transform(pretest: pretest, ratio: ratio)
        }

        @inline(__always)
        func write(_ draw: Int, pretest: Double, ratio: Double) { model[draw] = value(pretest: pretest, ratio: ratio) }

        @inline(__always)
        func skip(_ draw: Int) {
            model[draw] = .nan
            if !lowest.isEmpty { lowest[draw] = .nan; highest[draw] = .nan }
        }
    }

    /// The hot loop for independence and unknown dependence: no allocation
    /// per draw. For each draw, m = P(result | D+) and f = P(result | D−) of
    /// every sign, drawn directly from their Jeffreys posteriors
    /// (m ~ Beta(TP + ½, FN + ½) for a positive result, Beta(FN + ½, TP + ½) for
    /// a negative one; likewise f from FP and TN) by ``BetaSampler``, the
    /// product m/f (independence), and the Fréchet bounds
    /// max(0, Σm − (k − 1)) … min m (and likewise for f).
    struct MarginSampler: Sendable {
        /// The two posterior samplers of a sign with counts: m and f.
        struct Sign: Sendable {
            let withCondition: BetaSampler
            let withoutCondition: BetaSampler
        }
        /// Signs with counts, drawn every time.
        let signs: [Sign]
        /// Signs given as numbers (no counts) contribute fixed m and f: their
        /// product, sum and minimum, with and without the condition.
        let fixed: (productWith: Double, productWithout: Double, sumWith: Double, sumWithout: Double, minimumWith: Double, minimumWithout: Double)
        let signCount: Int
        let pretest: Double
        let pretestBeta: BetaSampler?
        let pretestRange: (lower: Double, upper: Double)?

        init(margins: [JointModel.Margin], uncertainty: PretestUncertainty, pretest: Double) {
            var signs: [Sign] = []
            var fixed = (productWith: 1.0, productWithout: 1.0, sumWith: 0.0, sumWithout: 0.0, minimumWith: 1.0, minimumWithout: 1.0)
            for margin in margins {
                guard let table = margin.finding.sign.table else {
                    fixed.productWith *= margin.withCondition
                    fixed.productWithout *= margin.withoutCondition
                    fixed.sumWith += margin.withCondition
                    fixed.sumWithout += margin.withoutCondition
                    fixed.minimumWith = Swift.min(fixed.minimumWith, margin.withCondition)
                    fixed.minimumWithout = Swift.min(fixed.minimumWithout, margin.withoutCondition)
                    continue
                }
                let (tp, fp, fn, tn) = (
                    Double(table.truePositives) + 0.5, Double(table.falsePositives) + 0.5, Double(table.falseNegatives) + 0.5,
                    Double(table.trueNegatives) + 0.5
                )
                let positive = margin.finding.result == .positive
                signs.append(
                    Sign(
                        withCondition: positive ? BetaSampler(shapeA: tp, shapeB: fn) : BetaSampler(shapeA: fn, shapeB: tp),
                        withoutCondition: positive ? BetaSampler(shapeA: fp, shapeB: tn) : BetaSampler(shapeA: tn, shapeB: fp)))
            }
            self.signs = signs
            self.fixed = fixed
            signCount = margins.count
            self.pretest = pretest
            switch uncertainty {
            case .exact: (pretestBeta, pretestRange) = (nil, nil)
            case .beta(let alpha, let beta): (pretestBeta, pretestRange) = (BetaSampler(shapeA: alpha, shapeB: beta), nil)
            case .uniform(let lower, let upper): (pretestBeta, pretestRange) = (nil, (lower, upper))
            }
        }

        /// Simulates the draws numbered `range` into `output`; returns how many were skipped (0/0).
        func simulate(_ range: Range<Int>, trackRange: Bool, using stream: inout MersenneTwisterStream, into output: DrawOutput) -> Int {
            let signCount = Double(self.signCount)
            let normal = StandardNormalZiggurat.tables
            var skipped = 0
            return signs.withUnsafeBufferPointer { signs in
                for draw in range {
                    var probability = pretest
                    if let pretestBeta {
                        probability = pretestBeta.draw(normal: normal, using: &stream)
                    } else if let pretestRange {
                        probability = pretestRange.lower + (pretestRange.upper - pretestRange.lower) * stream.nextUniform()
                    }
                    var (productWith, productWithout, sumWith, sumWithout, minimumWith, minimumWithout) = fixed
                    for sign in signs {
                        let withCondition = sign.withCondition.draw(normal: normal, using: &stream)
                        let withoutCondition = sign.withoutCondition.draw(normal: normal, using: &stream)
                        productWith *= withCondition
                        productWithout *= withoutCondition
                        sumWith += withCondition
                        sumWithout += withoutCondition
                        minimumWith = Swift.min(minimumWith, withCondition)
                        minimumWithout = Swift.min(minimumWithout, withoutCondition)
                    }
                    let ratio = ratio(productWith, productWithout)
                    guard ratio != .undefined else {
                        output.skip(draw)
                        skipped += 1
                        continue
                    }
                    output.write(draw, pretest: probability, ratio: ratio.rawValue)
                    if trackRange {
                        let lowWith = Swift.max(0, sumWith - (signCount - 1)), lowWithout = Swift.max(0, sumWithout - (signCount - 1))
                        let lower = lowWith == 0 ? 0 : (minimumWithout > 0 ? lowWith / minimumWithout : .infinity)
                        let upper = minimumWith == 0 ? 0 : (lowWithout > 0 ? minimumWith / lowWithout : .infinity)
                        output.lowest[draw] = output.value(pretest: probability, ratio: lower)
                        output.highest[draw] = output.value(pretest: probability, ratio: upper)
                    }
                }
                return skipped
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
