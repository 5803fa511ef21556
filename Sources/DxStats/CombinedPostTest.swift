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
/// // Both Langdon signs positive at the cohort's 61.5 %.
/// let result = try CombinedPostTest(
///     pretest: 48.0 / 78.0,
///     findings: [(percussion, .positive), (supine, .positive)])
/// result.posttest.estimate        // 0.995 under independence (LR 106.6)
/// result.dependence?.posttest     // 0.943 … 1 (Fréchet range)
/// result.gate.classification      // .acute or .indeterminate, by the thresholds
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
        /// `unknown` (Fréchet), `correlation`, `covariance`, `paired-counts` or `independent`.
        public let model: String
        public let likelihoodRatioLower: ExtendedValue
        public let likelihoodRatioUpper: ExtendedValue
        public let posttestLower: ExtendedValue
        public let posttestUpper: ExtendedValue
        /// The joint LR under a stated model (nil when the dependence is unknown).
        public let modelLikelihoodRatio: ExtendedValue?
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

    /// - Parameter pretestTarget: what the pretest probability is about; a
    ///   sign about another target is refused
    ///   (``StatisticsError/targetMismatch(pretest:sign:signName:)``).
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
        let margins = findings.map { JointModel.Margin(finding: $0) }
        let model = JointModel(margins: margins, dependence: stated)
        let pointModelRatio = try model.modelLikelihoodRatio(checkFeasibility: true)

        // Main estimate: one sign with counts exactly as `PostTestProbability.from(pretest:table:result:)`
        // (Mercaldo's logit interval, adjusted with a zero cell); paired counts exactly; otherwise the
        // independence product.
        if findings.count == 1, let table = findings[0].sign.table {
            let result = findings[0].result
            likelihoodRatio =
                result == .positive
                ? try LikelihoodRatio.positive(of: table, level: level) : try LikelihoodRatio.negative(of: table, level: level)
        } else if case .pairedCounts(let paired) = stated {
            let index = PairedSignsTable.index(findings[0].result, findings[1].result)
            let ratio = ProportionRatio(
                numerator: try Proportion(successes: paired.withCondition[index], trials: paired.withCondition.reduce(0, +)),
                denominator: try Proportion(successes: paired.withoutCondition[index], trials: paired.withoutCondition.reduce(0, +)))
            var interval: IntervalEstimate
            if let logInterval = ratio.logInterval(level: level) {
                interval = logInterval
            } else {
                interval = try ratio.koopmanInterval(level: level)
            }
            interval.notes.append("Joint likelihood ratio of the pattern from the paired counts (ratio of two cell proportions).")
            likelihoodRatio = interval
        } else {
            likelihoodRatio = Self.productInterval(findings: findings, level: level)
        }
        posttest = try Self.posttest(pretest: pretest, findings: findings, likelihoodRatio: likelihoodRatio, level: level)

        // Monte Carlo, with the dependence range per draw: simulated once per key, mapped to this pretest.
        let key = MonteCarloSummary.Key(
            findings: findings, dependence: stated, uncertainty: pretestUncertainty, settings: settings, level: level)
        let summary = MonteCarloSummaryCache.shared.summary(for: key) {
            var simulation = Self.simulate(
                pretest: pretest, uncertainty: pretestUncertainty, margins: margins, dependence: stated, settings: settings)
            return MonteCarloSummary(simulation: &simulation, alpha: level.alpha, valuesAreRatios: pretestUncertainty == .exact)
        }
        clampedDraws = summary.clamped
        var monteCarloNotes = ["\(settings.draws) draws, seed \(settings.seed), Jeffreys Beta posteriors for each sensitivity and specificity."]
        if summary.skipped > 0 { monteCarloNotes.append("\(summary.skipped) draws had a likelihood ratio of 0/0 and were left out.") }
        if summary.clamped > 0 {
            monteCarloNotes.append("In \(summary.clamped) draws the stated dependence was infeasible for the drawn margins and was clamped.")
        }
        let pointPosttest = try PostTestProbability.estimate(pretest: pretest, likelihoodRatio: pointModelRatio ?? likelihoodRatio.estimate)
        if let tails = summary.model {
            var lower = summary.probability(tails.lower, pretest: pretest)
            var upper = summary.probability(tails.upper, pretest: pretest)
            if let point = pointPosttest.finiteValue { lower = min(lower, point); upper = max(upper, point) }
            monteCarlo = IntervalEstimate(
                estimate: pointPosttest, lower: .finite(lower), upper: .finite(upper), level: level,
                method: "monte-carlo", notes: monteCarloNotes)
        } else {
            monteCarlo = IntervalEstimate(
                estimate: pointPosttest, lower: .finite(0), upper: .finite(1), level: level,
                method: "monte-carlo", notes: monteCarloNotes + ["No draw was estimable."])
        }

        // Dependence range at the point estimates, and the gate interval.
        if findings.count >= 2 {
            let bounds = model.frechetLikelihoodRatioBounds()
            let isUnknown: Bool = if case .unknown = stated { true } else { false }
            dependence = DependenceRange(
                model: stated.id,
                likelihoodRatioLower: bounds.lower, likelihoodRatioUpper: bounds.upper,
                posttestLower: try PostTestProbability.estimate(pretest: pretest, likelihoodRatio: bounds.lower),
                posttestUpper: try PostTestProbability.estimate(pretest: pretest, likelihoodRatio: bounds.upper),
                modelLikelihoodRatio: isUnknown ? nil : pointModelRatio ?? likelihoodRatio.estimate)
            if isUnknown, let tails = summary.gate {
                gate = GateDecision(
                    lower: summary.probability(tails.lower, pretest: pretest),
                    upper: summary.probability(tails.upper, pretest: pretest),
                    thresholds: thresholds, intervalMethod: "monte-carlo-with-dependence-range")
                return
            }
        } else {
            dependence = nil
        }
        gate = GateDecision(
            lower: monteCarlo.lower.finiteValue ?? 0, upper: monteCarlo.upper.finiteValue ?? 1,
            thresholds: thresholds, intervalMethod: "monte-carlo")
    }

    /// The post-test probability at `pretest` for these findings and their
    /// (pretest-free) likelihood ratio: for one sign with counts exactly
    /// `PostTestProbability.from(pretest:table:result:)` (Mercaldo's logit
    /// interval, adjusted with a zero cell), otherwise the likelihood ratio's
    /// interval carried through the odds. Tables over many pretest
    /// probabilities call this with the LR computed once.
    public static func posttest(
        pretest: Double, findings: [Finding], likelihoodRatio: IntervalEstimate, level: ConfidenceLevel
    ) throws(StatisticsError) -> IntervalEstimate {
        if findings.count == 1, let table = findings[0].sign.table {
            return try PostTestProbability.from(pretest: pretest, table: table, result: findings[0].result, level: level)
        }
        return try PostTestProbability.from(pretest: pretest, likelihoodRatio: likelihoodRatio)
    }

    // MARK: Independence product

    /// Π LRᵢ with the log interval of the product, Var = Σ Var(ln LRᵢ).
    static func productInterval(findings: [Finding], level: ConfidenceLevel) -> IntervalEstimate {
        var logEstimate = 0.0, variance = 0.0, product = 1.0
        var estimate: ExtendedValue = .finite(1)
        var notes: [String] = []
        var pointUnbounded = false, pointZero = false, pointUndefined = false
        for finding in findings {
            let sign = finding.sign
            switch sign.likelihoodRatio(for: finding.result) {
            case .finite(let value):
                if value == 0 { pointZero = true } else { logEstimate += log(value); product *= value }
            case .unbounded: pointUnbounded = true
            case .undefined: pointUndefined = true
            }
            guard let table = sign.table else {
                notes.append("\(sign.name): sensitivity and specificity were given without counts and are treated as exact.")
                continue
            }
            var (x1, x2) =
                finding.result == .positive
                ? (Double(table.truePositives), Double(table.falsePositives))
                : (Double(table.falseNegatives), Double(table.trueNegatives))
            var (n1, n2) = (Double(table.withCondition), Double(table.withoutCondition))
            if x1 == 0 || x2 == 0 {
                (x1, x2, n1, n2) = (x1 + 0.5, x2 + 0.5, n1 + 1, n2 + 1)
                notes.append("\(sign.name): a zero cell; its variance uses 0.5 added to every cell.")
            }
            variance += max(0, 1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
        }
        if pointUndefined || (pointUnbounded && pointZero) {
            estimate = .undefined
        } else if pointUnbounded {
            estimate = .unbounded
        } else if pointZero {
            estimate = .finite(0)
        } else {
            estimate = .finite(product)
        }
        // The interval is centred on the log of the adjusted product where the point is 0 or ∞.
        var centre = logEstimate
        if estimate.finiteValue.map({ $0 == 0 }) ?? true {
            centre = findings.reduce(0.0) { total, finding in
                guard let table = finding.sign.table else {
                    return total + log(max(finding.sign.likelihoodRatio(for: finding.result).finiteValue ?? 1, .leastNormalMagnitude))
                }
                let (x1, x2) =
                    finding.result == .positive
                    ? (Double(table.truePositives), Double(table.falsePositives))
                    : (Double(table.falseNegatives), Double(table.trueNegatives))
                return total + log((x1 + 0.5) / Double(table.withCondition + 1)) - log((x2 + 0.5) / Double(table.withoutCondition + 1))
            }
        }
        if estimate == .undefined {
            // 0/0 or ∞ × 0: the findings contradict each other (or a sign is uninformative at the boundary).
            return IntervalEstimate(
                estimate: .undefined, lower: .finite(0), upper: .unbounded, level: level, method: findings.count > 1 ? "log-product" : "log",
                notes: notes + ["Not estimable: the likelihood ratios give 0/0 or ∞ × 0 (contradictory findings); any value is possible."])
        }
        let halfWidth = level.z * variance.squareRoot()
        var lower = exp(centre - halfWidth), upper = exp(centre + halfWidth)
        if case .finite(let point) = estimate { lower = min(lower, point); upper = max(upper, point) }
        let upperValue: ExtendedValue = estimate == .unbounded ? .unbounded : .finite(upper)
        if findings.count > 1 {
            notes.insert("Assumes the signs are conditionally independent; see the dependence range.", at: 0)
        }
        return IntervalEstimate(
            estimate: estimate, lower: .finite(estimate == .finite(0) ? 0 : lower), upper: upperValue, level: level,
            method: findings.count > 1 ? "log-product" : "log", notes: notes)
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
