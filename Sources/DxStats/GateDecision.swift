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
/// GateDecision(lower: 0.85, upper: 0.97, thresholds: .standard, intervalMethod: .monteCarlo).classification  // .likely
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
    /// Which interval the gate looks at (see ``CombinedPostTest``).
    public enum Interval: String, Sendable, Hashable, CaseIterable, Codable {
        /// The Monte Carlo interval (one sign, or a stated dependence).
        case monteCarlo = "monte-carlo"
        /// The α/2 quantile of the lowest and the 1 − α/2 quantile of the highest
        /// post-test probability the unknown dependence allows, over the draws.
        case monteCarloWithDependenceRange = "monte-carlo-with-dependence-range"
    }

    /// The interval the gate looks at.
    public let lower: Double
    public let upper: Double
    /// Which interval that is.
    public let intervalMethod: Interval
    public let classification: Classification

    public init(lower: Double, upper: Double, thresholds: Thresholds, intervalMethod: Interval) {
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

extension GateDecision.Thresholds {
    /// Reads thresholds written `LOWER,UPPER` (`0.2,0.8`; percentages allowed:
    /// `20%,80%`); the error names the text: "(0.9,0.1) must satisfy …", to
    /// follow the name of the setting ("--gate", "gate").
    public init(parsing text: String) throws(StatisticsError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        let values = parts.compactMap { part -> Double? in
            part.hasSuffix("%") ? DecimalNumber.parse(part.dropLast()).map { $0 / 100 } : DecimalNumber.parse(part)
        }
        guard parts.count == 2, values.count == 2 else {
            throw .invalidSetting("(\(text)) must be LOWER,UPPER, e.g. 0.2,0.8")
        }
        do { try self.init(lower: values[0], upper: values[1]) } catch {
            throw .invalidSetting("(\(text)) must satisfy 0 ≤ LOWER < UPPER ≤ 1")
        }
    }
}

extension GateDecision {
    /// The interval the gate classified, in the one interval shape, with
    /// `estimate` (the post-test probability at the point estimates).
    public func interval(estimate: ExtendedValue, level: ConfidenceLevel) -> IntervalEstimate {
        IntervalEstimate(
            estimate: estimate, lower: .finite(lower), upper: .finite(upper), level: level,
            method: intervalMethod == .monteCarlo ? .monteCarlo : .monteCarloWithDependenceRange)
    }

    /// `{"classification", "thresholds": {"lower", "upper"}, "interval", "probability"}`.
    public struct Output: Sendable, Encodable {
        public let classification: Classification
        public let thresholds: Thresholds
        public let interval: Interval
        public let probability: IntervalEstimate

        public init(_ gate: GateDecision, estimate: ExtendedValue, level: ConfidenceLevel) {
            classification = gate.classification
            thresholds = gate.thresholds
            interval = gate.intervalMethod
            probability = gate.interval(estimate: estimate, level: level)
        }
    }
}

extension GateDecision.Classification: Encodable {}

extension GateDecision.Thresholds: Encodable {
    enum CodingKeys: String, CodingKey { case lower, upper }
}
