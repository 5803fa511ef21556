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
/// se.lower      // .finite(0.7530) (Wilson 1927)
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

extension ExtendedValue: Encodable {
    /// A finite value as a number; unbounded or not estimable as `null`
    /// (DxKit never writes `inf` or `nan`; the interval says which it is).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = finiteValue { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension IntervalEstimate: Encodable {
    enum CodingKeys: String, CodingKey {
        case estimate, lower, upper, level, method, estimable, upperUnbounded, notes, note
    }

    /// The one interval shape of every DxKit output:
    /// `{"estimate", "lower", "upper", "level", "method", "estimable", "upperUnbounded", "notes"}`,
    /// plus `"note"` (the notes joined; kept for one version, see CHANGELOG.md) when there are notes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(level.value, forKey: .level)
        try container.encode(method, forKey: .method)
        try container.encode(estimate != .undefined, forKey: .estimable)
        try container.encode(upper == .unbounded, forKey: .upperUnbounded)
        try container.encode(notes, forKey: .notes)
        if let note { try container.encode(note, forKey: .note) }
    }
}
