import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The closed-form part of combining signs: the likelihood ratio of a set of
/// findings with its interval, and the post-test probability it gives. It
/// does not depend on the pretest probability, so a table over many pretest
/// probabilities computes it once per column.
///
/// - One sign with counts: Simel's log interval of its LR (Koopman with a
///   zero cell), as ``LikelihoodRatio``.
/// - Two signs with paired 2×2×2 counts: the ratio of the two cell
///   proportions of the pattern (log, or Koopman with a zero cell).
/// - Otherwise, independence: LR = Π LRᵢ with the log interval of the
///   product, Var(ln LR) = Σ Var(ln LRᵢ) (Simel 1991 for each sign).
///
/// ```swift
/// let percussion = try SignAccuracy(name: "closed-fist-percussion", table: try TwoByTwoTable(
///     truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
/// let supine = try SignAccuracy(name: "supine-sign", table: try TwoByTwoTable(
///     truePositives: 39, falsePositives: 2, falseNegatives: 9, trueNegatives: 28))
/// let both = try CombinedLikelihoodRatio.of([.init(percussion, .positive), .init(supine, .positive)], level: .ninetyFivePercent)
/// both.estimate   // .finite(106.640625): 8.75 × 12.1875, under independence
/// ```
///
/// Simel DL, Samsa GP, Matchar DB. J Clin Epidemiol 1991;44:763–770.
public enum CombinedLikelihoodRatio {
    /// The likelihood ratio of `findings` under `dependence` (paired counts are
    /// used exactly; every other dependence gives the independence product here,
    /// its range being ``CombinedPostTest/DependenceRange``).
    public static func of(
        _ findings: [CombinedPostTest.Finding], dependence: SignDependence = .unknown, level: ConfidenceLevel
    ) throws(StatisticsError) -> IntervalEstimate {
        guard !findings.isEmpty else { throw .invalidSetting("no sign was given") }
        if findings.count == 1, let table = findings[0].sign.table {
            return try LikelihoodRatio.of(findings[0].result, on: table, level: level)
        }
        if case .pairedCounts(let paired) = dependence, findings.count == 2 {
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
            return interval
        }
        return product(of: findings, level: level)
    }

    /// The post-test probability at `pretest` for these findings and their
    /// likelihood ratio: for one sign with counts exactly
    /// `PostTestProbability.from(pretest:table:result:)` (Mercaldo's logit
    /// interval, adjusted with a zero cell), otherwise the likelihood ratio's
    /// interval carried through the odds.
    public static func posttest(
        pretest: Double, findings: [CombinedPostTest.Finding], likelihoodRatio: IntervalEstimate, level: ConfidenceLevel
    ) throws(StatisticsError) -> IntervalEstimate {
        if findings.count == 1, let table = findings[0].sign.table {
            return try PostTestProbability.from(pretest: pretest, table: table, result: findings[0].result, level: level)
        }
        return try PostTestProbability.from(pretest: pretest, likelihoodRatio: likelihoodRatio)
    }

    /// Π LRᵢ with the log interval of the product, Var = Σ Var(ln LRᵢ).
    public static func product(of findings: [CombinedPostTest.Finding], level: ConfidenceLevel) -> IntervalEstimate {
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
                estimate: .undefined, lower: .finite(0), upper: .unbounded, level: level, method: findings.count > 1 ? .logProduct : .log,
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
            method: findings.count > 1 ? .logProduct : .log, notes: notes)
    }
}
