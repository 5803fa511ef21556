/// The joint probability of a pattern of sign results, given each sign's
/// margins and what is known of their dependence. Internal to
/// `CombinedPostTest`.
struct JointModel {
    /// One sign's result probabilities, at the point estimate or a draw.
    struct Margin {
        let finding: CombinedPostTest.Finding
        var sensitivity: Double
        var specificity: Double

        init(finding: CombinedPostTest.Finding) {
            self.finding = finding
            self.sensitivity = finding.sign.sensitivity
            self.specificity = finding.sign.specificity
        }

        /// m = P(result | D+).
        var withCondition: Double { finding.result == .positive ? sensitivity : 1 - sensitivity }
        /// f = P(result | D−).
        var withoutCondition: Double { finding.result == .positive ? 1 - specificity : specificity }

        /// A draw from the Jeffreys posteriors Se ~ Beta(TP + ½, FN + ½),
        /// Sp ~ Beta(TN + ½, FP + ½); signs without counts stay fixed.
        func drawn(using random: SeededRandomSource) -> Margin {
            guard let table = finding.sign.table else { return self }
            var copy = self
            copy.sensitivity = random.beta(shapeA: Double(table.truePositives) + 0.5, shapeB: Double(table.falseNegatives) + 0.5)
            copy.specificity = random.beta(shapeA: Double(table.trueNegatives) + 0.5, shapeB: Double(table.falsePositives) + 0.5)
            return copy
        }
    }

    let margins: [Margin]
    let dependence: SignDependence

    /// The range of the joint LR over every joint distribution with these
    /// margins (Fréchet bounds, taken separately with and without the condition).
    func frechetLikelihoodRatioBounds() -> (lower: ExtendedValue, upper: ExtendedValue) {
        let k = Double(margins.count)
        let m = margins.map(\.withCondition), f = margins.map(\.withoutCondition)
        let withConditionLow = max(0, m.reduce(0, +) - (k - 1)), withConditionHigh = m.min()!
        let withoutConditionLow = max(0, f.reduce(0, +) - (k - 1)), withoutConditionHigh = f.min()!
        // The pattern is impossible both with and without the condition: no likelihood ratio exists.
        if withConditionHigh == 0 && withoutConditionHigh == 0 { return (.undefined, .undefined) }
        let lower: ExtendedValue = withConditionLow == 0 ? .finite(0) : ratio(withConditionLow, withoutConditionHigh)
        let upper: ExtendedValue = withConditionHigh == 0 ? .finite(0) : ratio(withConditionHigh, withoutConditionLow)
        return (lower, upper)
    }

    /// The conditional covariances (with, without the condition) the model states, for two signs.
    private func covariances() -> (withCondition: Double, withoutCondition: Double)? {
        switch dependence {
        case .covariance(let sensitivity, let specificity):
            return (sensitivity, specificity)
        case .correlation(let withCondition, let withoutCondition):
            let (first, second) = (margins[0], margins[1])
            let spreadWith = (first.sensitivity * (1 - first.sensitivity) * second.sensitivity * (1 - second.sensitivity)).squareRoot()
            let spreadWithout = (first.specificity * (1 - first.specificity) * second.specificity * (1 - second.specificity)).squareRoot()
            return (withCondition * spreadWith, withoutCondition * spreadWithout)
        default:
            return nil
        }
    }

    /// P(r₁, r₂ | D) = p₁p₂ ± cov, + when the two results agree.
    private func pairProbabilities(covariance: (withCondition: Double, withoutCondition: Double)) -> (Double, Double) {
        let (first, second) = (margins[0], margins[1])
        let sign: Double = first.finding.result == second.finding.result ? 1 : -1
        return (
            first.withCondition * second.withCondition + sign * covariance.withCondition,
            first.withoutCondition * second.withoutCondition + sign * covariance.withoutCondition
        )
    }

    private func independentLikelihoodRatio() -> ExtendedValue {
        ratio(margins.map(\.withCondition).reduce(1, *), margins.map(\.withoutCondition).reduce(1, *))
    }

    /// The joint LR under a stated model; `nil` when the dependence is unknown
    /// (or given by paired counts, handled apart). Throws when the stated
    /// covariances are infeasible for the point margins.
    func modelLikelihoodRatio(checkFeasibility: Bool) throws(StatisticsError) -> ExtendedValue? {
        switch dependence {
        case .unknown, .pairedCounts: return nil
        case .independent: return independentLikelihoodRatio()
        case .correlation, .covariance:
            let covariance = covariances()!
            let (first, second) = (margins[0], margins[1])
            let what = if case .correlation = dependence { "the covariance implied by the correlation" } else { "the covariance" }
            try TestCombination.checkCovariance(
                covariance.withCondition, name: "\(what) with the condition (covSe)",
                first.sensitivity, second.sensitivity)
            try TestCombination.checkCovariance(
                covariance.withoutCondition, name: "\(what) without the condition (covSp)",
                first.specificity, second.specificity)
            let (withCondition, withoutCondition) = pairProbabilities(covariance: covariance)
            return ratio(max(0, withCondition), max(0, withoutCondition))
        }
    }

    /// The model's joint LR for a draw, clamping infeasible covariances to
    /// the nearest feasible value; independence when the dependence is unknown.
    func clampedModelLikelihoodRatio() -> (ExtendedValue, clamped: Bool) {
        guard let covariance = covariances() else { return (independentLikelihoodRatio(), false) }
        let (first, second) = (margins[0], margins[1])
        let rangeWith = TestCombination.feasibleCovariance(first.sensitivity, second.sensitivity)
        let rangeWithout = TestCombination.feasibleCovariance(first.specificity, second.specificity)
        let clampedCovariance = (rangeWith.clamped(covariance.withCondition), rangeWithout.clamped(covariance.withoutCondition))
        let wasClamped = clampedCovariance.0 != covariance.withCondition || clampedCovariance.1 != covariance.withoutCondition
        let (withCondition, withoutCondition) = pairProbabilities(covariance: clampedCovariance)
        return (ratio(max(0, withCondition), max(0, withoutCondition)), wasClamped)
    }

    /// A draw of the joint LR from paired counts: the pattern's cell
    /// proportions drawn from their Jeffreys posteriors.
    func pairedLikelihoodRatio(_ paired: PairedSignsTable, using random: SeededRandomSource) -> ExtendedValue {
        let index = PairedSignsTable.index(margins[0].finding.result, margins[1].finding.result)
        let withTotal = paired.withCondition.reduce(0, +), withoutTotal = paired.withoutCondition.reduce(0, +)
        let withCondition = random.beta(
            shapeA: Double(paired.withCondition[index]) + 0.5,
            shapeB: Double(withTotal - paired.withCondition[index]) + 0.5)
        let withoutCondition = random.beta(
            shapeA: Double(paired.withoutCondition[index]) + 0.5,
            shapeB: Double(withoutTotal - paired.withoutCondition[index]) + 0.5)
        return ratio(withCondition, withoutCondition)
    }
}
