/// A threshold rule on an interval for a probability: the general form of
/// the referral pathway's acute-versus-chronic gate
/// (../shared/clinical/referral-pathway.md).
///
/// **likely** when the whole interval lies at or above the upper threshold;
/// **less likely** when it lies at or below the lower one; otherwise
/// **indeterminate**. Thresholds are policy, not evidence (defaults 0.20 and
/// 0.80). "Less likely" is never "ruled out": the words name the target
/// condition ("an acute fracture is less likely"), never its complement.
///
/// ```swift
/// GateDecision(lower: 0.85, upper: 0.97, thresholds: .standard, intervalMethod: "monte-carlo").classification  // .likely
/// ```
public struct GateDecision: Sendable, Hashable {
    /// The three outcomes.
    public enum Classification: String, Sendable, Hashable, CaseIterable {
        /// The whole interval is at or above the upper threshold.
        case likely
        /// The whole interval is at or below the lower threshold.
        case lessLikely
        /// The interval straddles a threshold.
        case indeterminate
    }

    /// Policy thresholds; `lower < upper`, both in [0, 1].
    public struct Thresholds: Sendable, Hashable {
        public let lower: Double
        public let upper: Double
        public static let standard = Thresholds(uncheckedLower: 0.2, upper: 0.8)

        public init(lower: Double, upper: Double) throws(StatisticsError) {
            guard lower.isFinite, upper.isFinite, lower >= 0, upper <= 1, lower < upper else {
                throw .invalidSetting("gate thresholds (\(lower), \(upper)) must satisfy 0 ≤ lower < upper ≤ 1")
            }
            self.lower = lower
            self.upper = upper
        }

        private init(uncheckedLower lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }
    }

    public let thresholds: Thresholds
    /// The interval the gate looks at.
    public let lower: Double
    public let upper: Double
    /// Which interval that is (see `CombinedPostTest`).
    public let intervalMethod: String
    public let classification: Classification

    public init(lower: Double, upper: Double, thresholds: Thresholds, intervalMethod: String) {
        self.lower = lower
        self.upper = upper
        self.thresholds = thresholds
        self.intervalMethod = intervalMethod
        if lower >= thresholds.upper {
            classification = .likely
        } else if upper <= thresholds.lower {
            classification = .lessLikely
        } else {
            classification = .indeterminate
        }
    }
}
