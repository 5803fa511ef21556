import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Koopman (1984) score interval for the ratio of two independent
/// binomial proportions, solved on ln φ with GSL's Brent root finder.
///
/// See `ProportionRatio.koopmanInterval(level:)` for the formula.
enum KoopmanScoreInterval {
    static func limits(x1: Int, n1: Int, x2: Int, n2: Int, level: ConfidenceLevel)
        throws(StatisticsError) -> (lower: ExtendedValue, upper: ExtendedValue)
    {
        if x1 == 0 && x2 == 0 { return (.finite(0), .unbounded) }
        let critical = GSL.chiSquaredQuantile(level.value, degreesOfFreedom: 1)
        let statistic = ScoreStatistic(x1: Double(x1), n1: Double(n1), x2: Double(x2), n2: Double(n2))
        let excess: (Double) -> Double = { logRatio in statistic.value(ratio: exp(logRatio)) - critical }

        let lower: ExtendedValue
        let upper: ExtendedValue
        if x1 == 0 {
            lower = .finite(0)
            upper = .finite(exp(try root(of: excess, from: bracketStart(x1: x1, n1: n1, x2: x2, n2: n2), direction: 1)))
        } else if x2 == 0 {
            lower = .finite(exp(try root(of: excess, from: bracketStart(x1: x1, n1: n1, x2: x2, n2: n2), direction: -1)))
            upper = .unbounded
        } else {
            let centre = log((Double(x1) / Double(n1)) / (Double(x2) / Double(n2)))
            lower = .finite(exp(try root(of: excess, from: centre, direction: -1)))
            upper = .finite(exp(try root(of: excess, from: centre, direction: 1)))
        }
        return (lower, upper)
    }

    /// A point inside the acceptance region when one count is zero: the log
    /// ratio with ½ added to the zero count, where U(φ) is small.
    private static func bracketStart(x1: Int, n1: Int, x2: Int, n2: Int) -> Double {
        let p1 = (Double(x1) + 0.5) / (Double(n1) + 1)
        let p2 = (Double(x2) + 0.5) / (Double(n2) + 1)
        return log(p1 / p2)
    }

    /// Walks from `start` (where `excess` < 0) in `direction` until `excess`
    /// turns positive, then polishes the root with Brent's method.
    private static func root(of excess: (Double) -> Double, from start: Double, direction: Double)
        throws(StatisticsError) -> Double
    {
        var inside = start
        // With a zero count the region is one-sided; walk towards its open
        // end until the statistic falls below the critical value.
        var search = 0.25
        while excess(inside) >= 0 {
            inside -= direction * search
            search *= 2
            guard abs(inside) < 700 else {
                throw .noConvergence("Koopman interval: no point inside the acceptance region")
            }
        }
        var step = 0.25
        var outside = inside + direction * step
        while excess(outside) <= 0 {
            inside = outside
            step *= 2
            outside = inside + direction * step
            guard abs(outside) < 700 else {
                throw .noConvergence("Koopman interval: no sign change before the ratio over/underflows")
            }
        }
        let low = Swift.min(inside, outside), high = Swift.max(inside, outside)
        guard let found = GSL.brentRoot(in: low, high, absoluteTolerance: 1e-13, relativeTolerance: 1e-15, of: excess) else {
            throw .noConvergence("Koopman interval: Brent's method failed")
        }
        return found
    }

    /// Koopman's score statistic U(φ) for fixed counts.
    struct ScoreStatistic {
        let x1: Double, n1: Double, x2: Double, n2: Double

        func value(ratio phi: Double) -> Double {
            let total = n1 + n2
            let successes = x1 + x2
            let a = phi * total
            let b = phi * (n1 + x2) + x1 + n2
            let discriminant = Swift.max(0, b * b - 4 * a * successes)
            // The smaller root of a·p² − b·p + X = 0, in the cancellation-free form.
            let p2 = 2 * successes / (b + discriminant.squareRoot())
            let p1 = Swift.min(1, phi * p2)
            return term(x: x1, n: n1, p: p1) + term(x: x2, n: n2, p: p2)
        }

        /// One arm's (x − n·p)² / (n·p·(1 − p)), in the form that stays
        /// accurate where p̃ nears 0 or 1: at x = n it is n(1 − p)/p and at
        /// x = 0 it is n·p/(1 − p), both continuous through the boundary. The
        /// general form there divides a rounding error (p̃ comes from a
        /// near-double root, good to about √ε) by a vanishing variance, which
        /// made U(φ) jump to "infinity" at its own minimum (TP 100, FP 1,
        /// FN 1, TN 0 did not converge).
        private func term(x: Double, n: Double, p: Double) -> Double {
            let p = Swift.min(1, Swift.max(0, p))
            if x == n {
                return p == 0 ? .greatestFiniteMagnitude : Swift.max(0, n * (1 - p) / p)
            }
            if x == 0 {
                return p == 1 ? .greatestFiniteMagnitude : Swift.max(0, n * p / (1 - p))
            }
            let deviation = x - n * p
            let variance = n * p * (1 - p)
            if variance <= 0 { return .greatestFiniteMagnitude }
            return deviation * deviation / variance
        }
    }
}
