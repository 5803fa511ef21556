import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The log (Katz / Simel) interval of a ratio of two proportions on
/// real-valued counts (so that the +0.5 correction can reuse it).
///
/// SE(ln R) = √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂),  CI = exp(ln R ± z·SE).
enum LogRatioInterval {
    static func limits(x1: Double, n1: Double, x2: Double, n2: Double, z: Double)
        -> (lower: Double, estimate: Double, upper: Double)
    {
        precondition(x1 > 0 && x2 > 0, "the log method needs positive counts")
        let logRatio = log(x1 / n1) - log(x2 / n2)
        let standardError = Swift.max(0, 1 / x1 - 1 / n1 + 1 / x2 - 1 / n2).squareRoot()
        return (exp(logRatio - z * standardError), exp(logRatio), exp(logRatio + z * standardError))
    }
}
