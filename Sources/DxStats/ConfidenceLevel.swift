/// A two-sided confidence level, from 0.001 to 0.999999 (0.1 % to
/// 99.9999 %): inside (0, 1), and within what a label can show ("0 % CI" for
/// a level of 10⁻³²⁰ would mislead) and what z can carry.
///
/// The critical value is z = Φ⁻¹(1 − α/2) with α = 1 − level, computed with
/// GSL's upper-tail normal quantile so that levels near 1 keep full precision.
///
/// ```swift
/// let level = try ConfidenceLevel(0.95)
/// level.z   // 1.959963984540054
/// ```
public struct ConfidenceLevel: Sendable, Hashable {
    /// The level, for example 0.95.
    public let value: Double
    /// The two-sided normal critical value Φ⁻¹(1 − α/2).
    public let z: Double

    /// The level used when none is given: 0.95.
    public static let ninetyFivePercent = try! ConfidenceLevel(0.95)

    /// The usable levels: 0.001 to 0.999999.
    public static let usableRange: ClosedRange<Double> = 0.001...0.999_999

    /// Creates a level; throws when `value` is outside ``usableRange``.
    public init(_ value: Double) throws(StatisticsError) {
        guard value.isFinite, Self.usableRange.contains(value) else {
            throw .levelOutOfRange(value)
        }
        self.value = value
        self.z = GSL.standardNormalUpperQuantile((1 - value) / 2)
    }

    /// α = 1 − level.
    public var alpha: Double { 1 - value }

    /// The level written as a percentage without trailing zeros ("95%", "99.9%").
    public var percentText: String { Self.percentText(value) }

    /// Any number written as a level is: a percentage rounded to six decimals,
    /// without trailing zeros. For levels that were read back (decoded JSON)
    /// rather than checked: a value that is not finite gives "?%", never a trap.
    ///
    /// ```swift
    /// ConfidenceLevel.percentText(0.95)    // "95%"
    /// ConfidenceLevel.percentText(0.999)   // "99.9%"
    /// ```
    public static func percentText(_ value: Double) -> String {
        let percent = (value * 100 * 1e6).rounded() / 1e6
        guard percent.isFinite else { return "?%" }
        if percent == percent.rounded(), percent.magnitude < 1e15 { return "\(Int(percent))%" }
        return "\(percent)%"
    }
}

extension ConfidenceLevel {
    /// Reads a level as people write it: `0.95` or `95%`; the error names the text.
    ///
    /// ```swift
    /// try ConfidenceLevel(parsing: "90%").value   // 0.9
    /// ```
    public init(parsing text: String) throws(StatisticsError) {
        let trimmed = text.trimmingWhitespace()
        let value: Double?
        if trimmed.hasSuffix("%") {
            value = DecimalNumber.parse(trimmed.dropLast()).map { $0 / 100 }
        } else {
            value = DecimalNumber.parse(trimmed)
        }
        guard let value, value.isFinite else {
            throw .invalidSetting("level (\(text)) is not a number: write 0.95 or 95%")
        }
        guard Self.usableRange.contains(value) else {
            throw .invalidSetting("level (\(text)) must be between 0.001 and 0.999999 (0.1% to 99.9999%)")
        }
        try self.init(value)
    }
}
