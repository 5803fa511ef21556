import DxStats

/// One column of a post-test probability table: the evidence that turns a
/// pretest probability into a post-test probability, computed exactly as
/// `dxkit posttest` computes it for the same input.
///
/// - Signs (`--sign`): `CombinedPostTest`, as `dxkit posttest --sign`. The
///   likelihood ratio, its log interval (Simel 1991; for several signs the
///   product with the variances of the logs added) and the dependence range
///   of the LR do not depend on the pretest probability, so they are
///   computed once per column and carried through the odds transform
///   post = π·LR / (π·LR + 1 − π) for each row with the same functions
///   `CombinedPostTest` uses. The Monte Carlo interval and the gate do depend
///   on π: when asked for, each cell runs the whole `CombinedPostTest`.
/// - A 2×2 table and a result: Mercaldo's logit interval,
///   `PostTestProbability.from(pretest:table:result:)`, as
///   `dxkit posttest --tp … --result`.
/// - A likelihood ratio (with or without limits):
///   `PostTestProbability.from(pretest:likelihoodRatio:)`, as
///   `dxkit posttest --lr`.
///
/// Mercaldo ND, Lau KF, Zhou XH. Stat Med 2007;26:2170–2183. Simel DL,
/// Samsa GP, Matchar DB. J Clin Epidemiol 1991;44:763–770.
public struct ProbabilityTableColumn: Sendable {
    /// What the column's numbers come from.
    public enum Source: Sendable {
        case findings([CombinedPostTest.Finding], SignCombinationSettings)
        case table(TwoByTwoTable, TestResult)
        case likelihoodRatio(IntervalEstimate)
    }

    /// The heading, e.g. "Positive", "+ −" or "LR 2".
    public let label: String
    public let source: Source
    public let level: ConfidenceLevel
    /// The likelihood ratio of the column's result (pattern), with its interval.
    public let likelihoodRatio: IntervalEstimate
    /// Signs: the dependence range of the LR (two or more signs), which does
    /// not depend on the pretest probability.
    private let dependence: CombinedPostTest.DependenceRange?

    /// One or more signs with their results.
    public init(
        label: String, findings: [CombinedPostTest.Finding], settings: SignCombinationSettings = SignCombinationSettings(),
        level: ConfidenceLevel
    ) throws(StatisticsError) {
        self.label = label
        self.source = .findings(findings, settings)
        self.level = level
        self.likelihoodRatio = try CombinedLikelihoodRatio.of(findings, dependence: settings.dependence, level: level)
        self.dependence =
            findings.count >= 2
            ? try CombinedPostTest.DependenceRange(pretest: 0.5, findings: findings, dependence: settings.dependence, level: level) : nil
    }

    /// A 2×2 table and a result (Mercaldo's logit interval; log LR interval).
    public init(label: String, table: TwoByTwoTable, result: TestResult, level: ConfidenceLevel) throws(StatisticsError) {
        self.label = label
        self.source = .table(table, result)
        self.level = level
        self.likelihoodRatio = try LikelihoodRatio.of(result, on: table, method: .log, level: level)
        self.dependence = nil
    }

    /// A likelihood ratio with its interval (lower = upper = estimate when none is known).
    public init(label: String, likelihoodRatio: IntervalEstimate) {
        self.label = label
        self.source = .likelihoodRatio(likelihoodRatio)
        self.level = likelihoodRatio.level
        self.likelihoodRatio = likelihoodRatio
        self.dependence = nil
    }

    /// The signs of a sign column (empty otherwise).
    public var findings: [CombinedPostTest.Finding] {
        if case .findings(let findings, _) = source { return findings }
        return []
    }

    /// The cell at `pretest`. `monteCarlo` runs the whole combination for
    /// this pretest probability (Monte Carlo interval and gate; sign columns
    /// only); `population` adds natural frequencies.
    public func cell(pretest: Double, monteCarlo: Bool = false, population: Int? = nil) throws(StatisticsError) -> ProbabilityTableCell {
        var cell: ProbabilityTableCell
        switch source {
        case .findings(let findings, let settings):
            if monteCarlo {
                let result = try CombinedPostTest(
                    pretest: pretest, findings: findings, dependence: settings.dependence, level: level,
                    monteCarlo: settings.monteCarlo, thresholds: settings.thresholds)
                cell = ProbabilityTableCell(
                    pretest: pretest, likelihoodRatio: result.likelihoodRatio, posttest: result.posttest,
                    dependence: result.dependence,
                    monteCarlo: result.monteCarlo, monteCarloSettings: settings.monteCarlo, gate: result.gate)
            } else {
                let dependence = try self.dependence?.at(pretest: pretest)
                let posttest = try CombinedLikelihoodRatio.posttest(
                    pretest: pretest, findings: findings, likelihoodRatio: likelihoodRatio, level: level)
                cell = ProbabilityTableCell(
                    pretest: pretest, likelihoodRatio: likelihoodRatio, posttest: posttest, dependence: dependence)
            }
        case .table(let table, let result):
            cell = ProbabilityTableCell(
                pretest: pretest, likelihoodRatio: likelihoodRatio,
                posttest: try PostTestProbability.from(pretest: pretest, table: table, result: result, method: .logit, level: level))
        case .likelihoodRatio(let ratio):
            cell = ProbabilityTableCell(
                pretest: pretest, likelihoodRatio: ratio, posttest: try PostTestProbability.from(pretest: pretest, likelihoodRatio: ratio))
        }
        if let population {
            cell.naturalFrequency = try naturalFrequency(pretest: pretest, posttest: cell.posttest.estimate, population: population)
        }
        return cell
    }

    /// The probabilities of the column's result with and without the
    /// condition at the point estimates (several signs: their product, as
    /// if independent; paired counts: the joint proportions), or nil for a
    /// bare likelihood ratio.
    public var resultProbabilities: (withCondition: Double, withoutCondition: Double)? {
        switch source {
        case .findings(let findings, let settings):
            if case .pairedCounts(let paired) = settings.dependence, findings.count == 2 {
                let index = PairedSignsTable.index(findings[0].result, findings[1].result)
                return (
                    Double(paired.withCondition[index]) / Double(paired.withCondition.reduce(0, +)),
                    Double(paired.withoutCondition[index]) / Double(paired.withoutCondition.reduce(0, +))
                )
            }
            return (
                findings.reduce(1.0) { $0 * $1.sign.probabilityWithCondition(of: $1.result) },
                findings.reduce(1.0) { $0 * $1.sign.probabilityWithoutCondition(of: $1.result) }
            )
        case .table(let table, let result):
            guard let sign = try? SignAccuracy(name: label, table: table) else { return nil }
            return (sign.probabilityWithCondition(of: result), sign.probabilityWithoutCondition(of: result))
        case .likelihoodRatio:
            return nil
        }
    }

    private func naturalFrequency(pretest: Double, posttest: ExtendedValue, population: Int) throws(StatisticsError) -> NaturalFrequency? {
        if let probabilities = resultProbabilities {
            return NaturalFrequency(
                population: population, pretest: pretest, probabilityWithCondition: probabilities.withCondition,
                probabilityWithoutCondition: probabilities.withoutCondition)
        }
        return posttest.finiteValue.map { NaturalFrequency(population: population, posttest: $0) }
    }
}
