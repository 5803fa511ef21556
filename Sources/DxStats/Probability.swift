/// A probability: a number from 0 to 1, checked once when it is made (the
/// way ``ConfidenceLevel`` is), so that code holding one never checks again.
///
/// It is read the ways clinicians write it: `0.3`, `30%`, or odds `1:3`
/// (a:b means a / (a + b), computed without overflow, so `1e308:1e308` is
/// 0.5). Numbers are decimal only (``DecimalNumber``: no hex, `nan` or
/// `inf`); −0 becomes 0. In JSON it is a plain number, and decoding checks it.
///
/// ```swift
/// try Probability(0.3).value                  // 0.3
/// try Probability(parsing: "30%").value       // 0.3
/// try Probability(parsing: "1:3").value       // 0.25
/// try Probability(odds: 1, against: 3).value  // 0.25
/// try Probability(1.2)                        // throws: probability (1.2) must be between 0 and 1
/// try Probability(parsing: "0.615").odds      // .finite(1.5974025974025974)
/// ```
public struct Probability: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The probability, in [0, 1].
    public let value: Double

    /// Checks `value`; `name` says what it is in the message ("pretest probability").
    public init(_ value: Double, name: String = "probability") throws(StatisticsError) {
        guard value >= 0, value <= 1 else { throw .probabilityOutOfRange(name: name, value: value) }
        self.value = value == 0 ? 0 : value
    }

    /// Reads `0.3`, `30%` or `1:3`; the error names the text.
    public init(parsing text: String, name: String = "probability") throws(StatisticsError) {
        try self.init(PretestProbability.parse(text, name: name), name: name)
    }

    /// The probability of odds `forOdds`:`against`, a / (a + b); both must be
    /// finite and ≥ 0, and not both 0.
    public init(odds forOdds: Double, against: Double) throws(StatisticsError) {
        guard forOdds.isFinite, against.isFinite, forOdds >= 0, against >= 0, forOdds > 0 || against > 0 else {
            throw .unreadableProbability("\(forOdds):\(against)")
        }
        try self.init(PretestProbability.probability(odds: forOdds, against: against))
    }

    /// A value already known to lie in [0, 1] (a constant, or 1 − p).
    private init(known value: Double) {
        self.value = value == 0 ? 0 : value
    }

    /// 0: the condition is certainly absent.
    public static let zero = Probability(known: 0)
    /// 1: the condition is certainly present.
    public static let one = Probability(known: 1)

    /// The odds p / (1 − p); unbounded at p = 1.
    public var odds: ExtendedValue { value == 1 ? .unbounded : .finite(value / (1 - value)) }

    /// The complement 1 − p.
    public var complement: Probability { Probability(known: 1 - value) }

    public static func < (left: Probability, right: Probability) -> Bool { left.value < right.value }

    public var description: String { "\(value)" }
}

extension Probability: Codable {
    /// Decodes a plain number and checks it: a value outside [0, 1] is a
    /// decoding error naming it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        do {
            try self.init(value)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension PostTestProbability {
    /// The post-test probability for a checked pretest probability: as
    /// ``from(pretest:likelihoodRatio:)`` with a `Double`, without the check.
    ///
    /// ```swift
    /// let ratio = try LikelihoodRatio.given(8.75, level: .ninetyFivePercent)
    /// try PostTestProbability.from(pretest: Probability(parsing: "30%"), likelihoodRatio: ratio).estimate   // .finite(0.7894736842105263)
    /// ```
    public static func from(pretest: Probability, likelihoodRatio: IntervalEstimate) throws(StatisticsError) -> IntervalEstimate {
        try from(pretest: pretest.value, likelihoodRatio: likelihoodRatio)
    }

    /// The post-test probability after `result` on a test with the 2×2 table
    /// `table` (Mercaldo's logit interval), for a checked pretest probability.
    public static func from(
        pretest: Probability, table: TwoByTwoTable, result: TestResult, method: IntervalMethod = .logit,
        level: ConfidenceLevel = .ninetyFivePercent
    ) throws(StatisticsError) -> IntervalEstimate {
        try from(pretest: pretest.value, table: table, result: result, method: method, level: level)
    }
}
