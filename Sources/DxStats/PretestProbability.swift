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
    public static func parse(_ text: String, name: String = "pretest probability") throws(StatisticsError) -> Double {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasSuffix("%") {
            guard let percent = Double(String(trimmed.dropLast()).trimmingWhitespace()), percent.isFinite else {
                throw .unreadableProbability(text)
            }
            return try checked(percent / 100, name: name, shown: trimmed)
        }
        if let colon = trimmed.firstIndex(of: ":") {
            guard let forOdds = Double(trimmed[..<colon].trimmingWhitespaceSubstring()),
                let againstOdds = Double(trimmed[trimmed.index(after: colon)...].trimmingWhitespaceSubstring()),
                forOdds.isFinite, againstOdds.isFinite, forOdds >= 0, againstOdds >= 0, forOdds + againstOdds > 0
            else {
                throw .unreadableProbability(text)
            }
            return forOdds / (forOdds + againstOdds)
        }
        guard let value = Double(trimmed), value.isFinite else { throw .unreadableProbability(text) }
        return try checked(value, name: name, shown: trimmed)
    }

    private static func checked(_ value: Double, name: String, shown: String) throws(StatisticsError) -> Double {
        guard value >= 0, value <= 1 else { throw .probabilityOutOfRange(name: name, value: value) }
        return value
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(trimmingWhitespaceSubstring())
    }

    func trimmingWhitespaceSubstring() -> Substring {
        let scalars = Substring(self)
        let start = scalars.firstIndex { !$0.isWhitespace } ?? scalars.endIndex
        let end = scalars.lastIndex { !$0.isWhitespace }.map { scalars.index(after: $0) } ?? start
        return scalars[start..<end]
    }
}
