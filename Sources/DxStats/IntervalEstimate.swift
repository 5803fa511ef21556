/// A point estimate with its two-sided confidence interval.
///
/// Every measure DxKit reports is one of these: it carries its level, the
/// method that produced the interval, and a note whenever a correction or a
/// fallback was applied (for example a zero cell that forced the Koopman
/// interval). Limits that no finite number can state are `.unbounded`.
///
/// ```swift
/// let se = try Proportion(successes: 42, trials: 48).interval(method: .wilson)
/// se.estimate   // .finite(0.875)
/// se.lower      // .finite(0.7549...)  (Wilson 1927)
/// ```
public struct IntervalEstimate: Sendable, Hashable {
    /// The point estimate.
    public var estimate: ExtendedValue
    /// The lower confidence limit.
    public var lower: ExtendedValue
    /// The upper confidence limit.
    public var upper: ExtendedValue
    /// The confidence level.
    public var level: ConfidenceLevel
    /// The interval method actually used (its raw value is the output id:
    /// `wilson`, `clopper-pearson`, `log`, `koopman`, `woolf`, `logit`, …).
    public var method: IntervalMethod
    /// Plain-language notes: zero-cell fallbacks, corrections, clipping.
    public var notes: [String]

    public init(
        estimate: ExtendedValue,
        lower: ExtendedValue,
        upper: ExtendedValue,
        level: ConfidenceLevel,
        method: IntervalMethod,
        notes: [String] = []
    ) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
        self.method = method
        self.notes = notes
    }

    /// The notes joined into one sentence, or `nil` when there are none.
    public var note: String? {
        notes.isEmpty ? nil : notes.joined(separator: " ")
    }
}
