/// Interval methods for a ratio of two independent binomial proportions,
/// such as a likelihood ratio.
public enum RatioIntervalMethod: String, Sendable, CaseIterable, Hashable {
    /// The log (Katz 1978; Simel, Samsa & Matchar 1991) interval
    /// exp(ln R ± z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)); undefined with a zero count.
    case log
    /// The Koopman (1984) score interval, found with Brent's method; defined
    /// with zero counts (an unbounded upper limit when x₂ = 0).
    case koopman

    /// A short human name with the citation.
    public var displayName: String {
        switch self {
        case .log: "log method (Simel 1991)"
        case .koopman: "Koopman score (1984)"
        }
    }
}

/// What the log method does when a count it needs is zero.
public enum ZeroCellFallback: String, Sendable, CaseIterable, Hashable {
    /// Use the Koopman score interval instead (the default).
    case koopman
    /// Add 0.5 to every cell of the 2×2 table and use the log method (Stata
    /// `sf`, mada `correction`); the estimate is then the corrected one.
    case addHalf = "add-half"
}
