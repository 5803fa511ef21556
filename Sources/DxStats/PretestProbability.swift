/// A probability read from how clinicians write it: 0.3, 30 % or odds 1:3.
///
/// Odds a:b mean a / (a + b), so "1:3" is 0.25.
///
/// ```swift
/// try PretestProbability.parse("30%")    // 0.3
/// try PretestProbability.parse("1:3")    // 0.25
/// try PretestProbability.parse("0.615")  // 0.615
/// ```
public enum PretestProbability {
    /// Parses `text`; throws naming the text when it is not a probability in [0, 1].
    ///
    /// Numbers are decimal only (``DecimalNumber``: no hex, no `nan`, no
    /// `inf`). Odds a:b are computed as 1 / (1 + b/a) (or its mirror), so
    /// any finite odds give the right probability: `1e308:1e308` is 0.5.
    public static func parse(_ text: String, name: String = "pretest probability") throws(StatisticsError) -> Double {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasSuffix("%") {
            guard let percent = DecimalNumber.parse(trimmed.dropLast()) else {
                throw .unreadableProbability(text)
            }
            return try checked(percent / 100, name: name, shown: trimmed)
        }
        if let colon = trimmed.firstIndex(of: ":") {
            guard let forOdds = DecimalNumber.parse(trimmed[..<colon]),
                let againstOdds = DecimalNumber.parse(trimmed[trimmed.index(after: colon)...]),
                forOdds >= 0, againstOdds >= 0, forOdds > 0 || againstOdds > 0
            else {
                throw .unreadableProbability(text)
            }
            return probability(odds: forOdds, against: againstOdds)
        }
        guard let value = DecimalNumber.parse(trimmed) else { throw .unreadableProbability(text) }
        return try checked(value, name: name, shown: trimmed)
    }

    /// The probability of odds `forOdds`:`against`, a / (a + b), computed
    /// without overflow or underflow of a + b: 1 / (1 + b/a) when a ≥ b,
    /// else (a/b) / (1 + a/b). Both must be finite, ≥ 0, and not both 0.
    ///
    /// ```swift
    /// PretestProbability.probability(odds: 1, against: 3)            // 0.25
    /// PretestProbability.probability(odds: 1e308, against: 1e308)    // 0.5
    /// ```
    public static func probability(odds forOdds: Double, against: Double) -> Double {
        precondition(
            forOdds >= 0 && against >= 0 && forOdds.isFinite && against.isFinite && (forOdds > 0 || against > 0), "odds must be finite, ≥ 0, not both 0")
        if forOdds >= against {
            return 1 / (1 + against / forOdds)
        }
        let ratio = forOdds / against
        return ratio / (1 + ratio)
    }

    private static func checked(_ value: Double, name: String, shown: String) throws(StatisticsError) -> Double {
        guard value >= 0, value <= 1 else { throw .probabilityOutOfRange(name: name, value: value) }
        return value == 0 ? 0 : value
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, line
    /// breaks): `"  0.3 ".trimmingWhitespace()` is `"0.3"`.
    public func trimmingWhitespace() -> String {
        String(trimmingWhitespaceSubstring())
    }

    func trimmingWhitespaceSubstring() -> Substring {
        let scalars = Substring(self)
        let start = scalars.firstIndex { !$0.isWhitespace } ?? scalars.endIndex
        let end = scalars.lastIndex { !$0.isWhitespace }.map { scalars.index(after: $0) } ?? start
        return scalars[start..<end]
    }
}
